package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import ma.hirfa.sdk.core.ResponseDecodingException;
import ma.hirfa.sdk.core.webhooks.DuplicateKeyException;
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

  /**
   * Reads the whole body once, refusing a key repeated in any object (the body is signed: two
   * readers must never see two different events in it), and returns the top-level {@code type}.
   *
   * @throws DuplicateKeyException naming the repeated key
   * @throws ResponseDecodingException if the body is not one JSON object with a string {@code type}
   */
  public static String typeOf(byte[] body) {
    String type = null;
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new ResponseDecodingException("the event body is not a JSON object", null, null);
      }
      // One set of names per open object (a hash set: a list would make an object of many keys
      // quadratic); arrays open none.
      ArrayDeque<Set<String>> open = new ArrayDeque<>();
      JsonReader.Token token;
      while ((token = reader.peek()) != JsonReader.Token.END_DOCUMENT) {
        switch (token) {
          case BEGIN_OBJECT -> {
            reader.beginObject();
            open.push(new HashSet<>());
          }
          case END_OBJECT -> {
            reader.endObject();
            open.pop();
          }
          case BEGIN_ARRAY -> reader.beginArray();
          case END_ARRAY -> reader.endArray();
          case NAME -> {
            String name = reader.nextName();
            if (!open.element().add(name)) {
              throw new DuplicateKeyException(name, reader.getPath());
            }
            if (open.size() == 1
                && name.equals("type")
                && reader.peek() == JsonReader.Token.STRING) {
              type = reader.nextString();
            }
          }
          default -> reader.skipValue();
        }
      }
    } catch (ResponseDecodingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ResponseDecodingException("the event body is not a JSON object", null, e);
    }
    if (type == null) {
      throw new ResponseDecodingException("the event has no type", null, null);
    }
    return type;
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
