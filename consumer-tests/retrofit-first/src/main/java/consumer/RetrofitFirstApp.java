package consumer;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Query;

/** A Retrofit 2 application (OkHttp 3.14): its own call before and after the SDK's. */
public final class RetrofitFirstApp {
  private RetrofitFirstApp() {}

  /** The application's own Retrofit interface to the marketplace. */
  interface Marketplace {
    @GET("v1/products")
    Call<ResponseBody> products(@Header("Authorization") String auth, @Query("limit") int limit);
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = HirfaCalls.env("HIRFA_BASE_URL");
    String apiKey = HirfaCalls.env("HIRFA_API_KEY");
    Marketplace own = new Retrofit.Builder().baseUrl(baseUrl).build().create(Marketplace.class);
    ownCall(own, apiKey);
    String hirfa = HirfaCalls.run(baseUrl, apiKey);
    ownCall(own, apiKey);
    String okhttp = okhttp3.internal.Version.userAgent();
    if (!okhttp.equals("okhttp/3.14.9")) {
      throw new IllegalStateException("Retrofit runs on " + okhttp);
    }
    System.out.println("retrofit-first: Retrofit on " + okhttp + "; SDK " + hirfa);
  }

  private static void ownCall(Marketplace marketplace, String apiKey) throws Exception {
    Response<ResponseBody> response = marketplace.products("Bearer " + apiKey, 1).execute();
    try (ResponseBody body = response.body()) {
      if (response.code() != 200) {
        throw new IllegalStateException("own Retrofit call answered " + response.code());
      }
    }
  }
}
