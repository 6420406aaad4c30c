package ma.hirfa.sdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.internal.json.NdjsonLine;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one NDJSON reader: lines, blanks, CRLF, a last line without newline, the length cap. */
class NdjsonReaderTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  record Item(int n) {}

  private NdjsonReader open(String body, long maxBytes) {
    wm.stubFor(
        get("/v1/lines")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-ndjson")
                    .withHeader("Export-Cursor", "cur_1")
                    .withBody(body)));
    Fixture f = new Fixture(wm.baseUrl(), b -> b.maxResponseBytes(maxBytes));
    return NdjsonReader.open(f.runtime, TestRequests.get("v1", "lines").build(), "the stream");
  }

  private static List<NdjsonLine> all(NdjsonReader reader) {
    List<NdjsonLine> out = new ArrayList<>();
    for (NdjsonLine l = reader.next(); l != null; l = reader.next()) {
      out.add(l);
    }
    return out;
  }

  @Test
  void blankLinesAreSkippedAndCrlfIsOneNewline() {
    try (NdjsonReader r = open("{\"n\":1}\r\n\n  \r\n{\"n\":2}\n\n", 1024)) {
      List<NdjsonLine> lines = all(r);
      assertThat(lines).extracting(l -> l.decode(TypeRef.of(Item.class)).n()).containsExactly(1, 2);
      assertThat(lines).allSatisfy(l -> assertThat(l.terminated()).isTrue());
      assertThat(r.bytesRead()).isEqualTo(23);
      assertThat(r.header("Export-Cursor")).isEqualTo("cur_1");
    }
  }

  @Test
  void aLastLineWithoutItsNewlineIsReturnedAsUnterminated() {
    try (NdjsonReader r = open("{\"n\":1}\n{\"n\":2}", 1024)) {
      List<NdjsonLine> lines = all(r);
      assertThat(lines).extracting(NdjsonLine::terminated).containsExactly(true, false);
      assertThat(lines.get(1).decode(TypeRef.of(Item.class)).n()).isEqualTo(2);
    }
  }

  @Test
  void aLineOfExactlyTheCapPassesAndOneByteMoreIsRefused() {
    String exact = "\"" + "a".repeat(1022) + "\"";
    try (NdjsonReader r = open(exact + "\n", 1024)) {
      assertThat(all(r)).hasSize(1);
    }
    try (NdjsonReader r = open(exact + " \n", 1024)) {
      assertThatThrownBy(r::next)
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("maxResponseBytes (1024 bytes) at line 1");
    }
    try (NdjsonReader r = open("a".repeat(1025), 1024)) {
      assertThatThrownBy(r::next).isInstanceOf(ResponseDecodingException.class);
    }
  }

  @Test
  void aMemberIsReadOnlyAsATopLevelString() {
    try (NdjsonReader r =
        open("{\"x\":{\"c\":\"nested\"}}\n{ \"c\" : \"top\" }\n{\"c\":5}\n[1]\n", 1024)) {
      assertThat(r.next().stringMember("c")).isNull();
      assertThat(r.next().stringMember("c")).isEqualTo("top");
      NdjsonLine number = r.next();
      assertThatThrownBy(() -> number.stringMember("c"))
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("line 3");
      NdjsonLine array = r.next();
      assertThatThrownBy(() -> array.stringMember("c"))
          .isInstanceOf(ResponseDecodingException.class);
      assertThat(array.contains("1")).isTrue();
      assertThat(array.toString()).doesNotContain("[1]");
    }
  }
}
