package ma.hirfa.sdk.core.internal;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import ma.hirfa.sdk.core.ResponseDecodingException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The envelope every webhook event shares, {@code {"id", "type", "created_at", "data": {"object":
 * ...}}}, read by each client's typed event parser.
 */
public final class EventBodies {
  private EventBodies() {}

  /** An event with its object decoded as {@code T}. */
  public record Envelope<T>(String id, String type, Instant createdAt, Data<T> data) {}

  /** The {@code data} member. */
  public record Data<T>(T object) {}

  /** The envelope without its object, for types this SDK does not know. */
  public record Header(String id, Instant createdAt, @Nullable String type) {}

  /** Reads the top-level {@code type} without decoding the rest. */
  public static String typeOf(byte[] body) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("type") && reader.peek() == JsonReader.Token.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      throw new ResponseDecodingException("the event body is not a JSON object", null, e);
    }
    throw new ResponseDecodingException("the event has no type", null, null);
  }

  /** Decodes a whole body; JSON null is a decoding error. */
  public static <T> T decode(Json json, byte[] body, TypeRef<T> type) throws IOException {
    T value = json.decode(body, type);
    if (value == null) {
      throw new ResponseDecodingException("the event body is JSON null", null, null);
    }
    return value;
  }
}
