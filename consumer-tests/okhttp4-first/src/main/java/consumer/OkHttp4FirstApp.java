package consumer;

import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** An OkHttp 4 application: its own call before and after the SDK's, on its own OkHttp. */
public final class OkHttp4FirstApp {
  private OkHttp4FirstApp() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = HirfaCalls.env("HIRFA_BASE_URL");
    String apiKey = HirfaCalls.env("HIRFA_API_KEY");
    OkHttpClient own = new OkHttpClient();
    ownCall(own, baseUrl, apiKey);
    String hirfa = HirfaCalls.run(baseUrl, apiKey);
    ownCall(own, baseUrl, apiKey);
    if (!OkHttp.VERSION.equals("4.12.0")) {
      throw new IllegalStateException("the application runs on OkHttp " + OkHttp.VERSION);
    }
    System.out.println("okhttp4-first: application on OkHttp " + OkHttp.VERSION + "; SDK " + hirfa);
  }

  private static void ownCall(OkHttpClient client, String baseUrl, String apiKey) throws Exception {
    Request request =
        new Request.Builder()
            .url(baseUrl + "v1/products?limit=1")
            .header("Authorization", "Bearer " + apiKey)
            .build();
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("own OkHttp call answered " + response.code());
      }
    }
  }
}
