package ma.hirfa.sdk.core.internal.http;

import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import ma.hirfa.sdk.core.internal.json.DecodeFailure;
import ma.hirfa.sdk.core.internal.json.Json;
import ma.hirfa.sdk.core.internal.json.TypeRef;
import ma.hirfa.sdk.core.internal.log.Redactor;

/**
 * Decodes a successful response's body as the caller's type. A failure is a {@link DecodeFailure},
 * never the decoder's own exception: the call's runner decides from it whether the body is worth
 * another attempt (cut or mangled) or not (well-formed JSON of the wrong shape), and its cause is a
 * {@link SanitizedCause}, since a decoder's message may quote the body.
 */
final class BodyDecoder {
  private BodyDecoder() {}

  /**
   * {@code response}'s body as {@code type}.
   *
   * @throws DecodeFailure if the body is not JSON, not a {@code type} or JSON null; {@link
   *     DecodeFailure#malformed} says whether another attempt may fare better
   */
  static <T> T decode(Json json, ApiResponse response, TypeRef<T> type) {
    String contentType = response.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      // A proxy's or captive portal's HTML page answered instead of the API.
      throw new DecodeFailure(
          "expected JSON but the response's Content-Type was "
              + (contentType == null ? "absent" : Redactor.redactShort(contentType)),
          null,
          false);
    }
    T value;
    try {
      value = json.decode(response.body(), type);
    } catch (IOException | RuntimeException e) {
      throw new DecodeFailure(
          "could not decode the response as " + typeName(type) + ": " + ErrorMapper.describe(e),
          SanitizedCause.of(e),
          e instanceof EOFException || e instanceof JsonEncodingException);
    }
    if (value == null) {
      throw new DecodeFailure("the response body was JSON null", null, false);
    }
    return value;
  }

  private static String typeName(TypeRef<?> type) {
    return type.type() instanceof Class<?> c ? c.getSimpleName() : type.toString();
  }
}
