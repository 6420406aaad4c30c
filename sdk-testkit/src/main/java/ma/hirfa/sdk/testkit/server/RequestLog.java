package ma.hirfa.sdk.testkit.server;

import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One line per answered request, {@code POST /v1/payments 201 req_8KQ2M9 12 ms}: method, path
 * (never the query or a header, so no secret), status (or the injected fault), request id and the
 * time from receipt to the last byte sent. What the standalone sandbox prints.
 */
public final class RequestLog implements ServeEventListener {
  public static final String NAME = "hirfa-request-log";
  private final Consumer<String> sink;

  public RequestLog(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void afterComplete(ServeEvent event, Parameters parameters) {
    sink.accept(line(event));
  }

  public static String line(ServeEvent event) {
    String url = event.getRequest().getUrl();
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    LoggedResponse response = event.getResponse();
    String status = "-";
    String requestId = "-";
    if (response != null) {
      status =
          response.getFault() != null
              ? response.getFault().name().toLowerCase(Locale.ROOT)
              : Integer.toString(response.getStatus());
      HttpHeader id =
          response.getHeaders() == null ? null : response.getHeaders().getHeader("Request-Id");
      if (id != null && id.isPresent()) {
        requestId = id.firstValue();
      }
    }
    Timing timing = event.getTiming();
    Integer millis = timing == null ? null : timing.getTotalTime();
    return event.getRequest().getMethod().getName()
        + " "
        + path
        + " "
        + status
        + " "
        + requestId
        + " "
        + (millis == null ? "-" : millis.toString())
        + " ms";
  }
}
