package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import ma.hirfa.sdk.core.AutoPager;
import ma.hirfa.sdk.core.NotFoundException;
import ma.hirfa.sdk.core.Page;
import ma.hirfa.sdk.core.PageFetcher;
import ma.hirfa.sdk.core.RetryPolicy;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutoPagerTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  record Item(String id) {}

  private static final TypeRef<Page<Item>> PAGE = new TypeRef<Page<Item>>() {};

  @BeforeEach
  void threePages() {
    wm.stubFor(
        get("/v1/items?limit=2")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"next_cursor\":\"c2\",\"has_more\":true}")));
    wm.stubFor(
        get("/v1/items?limit=2&cursor=c2")
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"c\"},{\"id\":\"d\"}],\"next_cursor\":\"c3\",\"has_more\":true}")));
    wm.stubFor(
        get("/v1/items?limit=2&cursor=c3")
            .willReturn(
                okJson("{\"data\":[{\"id\":\"e\"}],\"next_cursor\":null,\"has_more\":false}")));
  }

  private static PageFetcher<Item> fetcher(ClientRuntime rt) {
    return new PageFetcher<>() {
      @Override
      public Page<Item> fetch(@Nullable String cursor) {
        return rt.execute(request(cursor), PAGE);
      }

      @Override
      public CompletableFuture<Page<Item>> fetchAsync(@Nullable String cursor) {
        return rt.executeAsync(request(cursor), PAGE);
      }
    };
  }

  private static ApiRequest request(@Nullable String cursor) {
    return TestRequests.get("v1", "items").query("limit", 2).query("cursor", cursor).build();
  }

  @Test
  void autoPaginationWalksThreePagesLazily() {
    Fixture f = new Fixture(wm.baseUrl());
    Iterator<Item> it = AutoPager.of(fetcher(f.runtime)).iterator();
    wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/items")));

    assertThat(it.next().id()).isEqualTo("a");
    assertThat(it.next().id()).isEqualTo("b");
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/items")));

    assertThat(it.next().id()).isEqualTo("c");
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/items")));
    assertThat(it.next().id()).isEqualTo("d");
    assertThat(it.next().id()).isEqualTo("e");
    assertThat(it.hasNext()).isFalse();
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/items")));
  }

  @Test
  void streamYieldsEveryItemInOrder() {
    Fixture f = new Fixture(wm.baseUrl());

    List<String> ids = AutoPager.of(fetcher(f.runtime)).stream().map(Item::id).toList();

    assertThat(ids).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void prefetchRequestsTheNextPageBeforeTheCallerNeedsIt() throws Exception {
    Fixture f = new Fixture(wm.baseUrl());
    Iterator<Item> it = AutoPager.of(fetcher(f.runtime)).withPrefetch().iterator();

    assertThat(it.next().id()).isEqualTo("a");
    // The second page is requested while the caller still works on the first.
    for (int i = 0;
        i < 500 && wm.findAll(getRequestedFor(urlEqualTo("/v1/items?limit=2&cursor=c2"))).isEmpty();
        i++) {
      Thread.sleep(20);
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/v1/items?limit=2&cursor=c2")));

    List<String> rest = new java.util.ArrayList<>();
    it.forEachRemaining(i -> rest.add(i.id()));
    assertThat(rest).containsExactly("b", "c", "d", "e");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/items")));
  }

  @Test
  void aFailingPageSurfacesTheTypedException() {
    wm.stubFor(get("/v1/items?limit=2&cursor=c2").willReturn(aResponse().withStatus(404)));
    Fixture f = new Fixture(wm.baseUrl(), b -> b.retryPolicy(RetryPolicy.none()));
    Iterator<Item> it = AutoPager.of(fetcher(f.runtime)).withPrefetch().iterator();
    it.next();
    it.next();

    assertThatThrownBy(it::hasNext).isInstanceOf(NotFoundException.class);
  }

  /**
   * The contract allows {@code has_more: true} with {@code next_cursor: null}: the walk ends there,
   * with that page's items, instead of failing or asking for the first page again.
   */
  @Test
  void aPageThatSaysHasMoreWithoutACursorEndsTheWalkWithItsItems() {
    wm.stubFor(
        get("/v1/items?limit=2&cursor=c3")
            .willReturn(
                okJson("{\"data\":[{\"id\":\"e\"}],\"next_cursor\":null,\"has_more\":true}")));
    Fixture f = new Fixture(wm.baseUrl());

    List<String> ids = AutoPager.of(fetcher(f.runtime)).stream().map(Item::id).toList();

    assertThat(ids).containsExactly("a", "b", "c", "d", "e");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1/items")));
  }
}
