package ma.hirfa.sdk.testkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * JSON rendering shared by the handlers: streaming writers (one rendering for the wire and for
 * events), money and localized texts, conditional reads ({@code ETag}, {@code If-None-Match},
 * {@code If-Match}) and position cursors.
 */
public final class Json {
  private Json() {}

  /** Writes one JSON value. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the value to {@code g}. */
    void write(JsonGenerator g) throws IOException;
  }

  /** The value {@code w} writes, as bytes. */
  public static byte[] bytes(Writer w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = Exchange.JSON.getFactory().createGenerator(out)) {
      w.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same rendering as a tree (for events), through a token buffer: no bytes in between. */
  public static ObjectNode tree(Writer w) {
    try (TokenBuffer buffer = new TokenBuffer(Exchange.JSON, false)) {
      w.write(buffer);
      return (ObjectNode) Exchange.JSON.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON response. */
  public static Exchange.Response json(int status, byte[] body) {
    return new Exchange.Response(status, new LinkedHashMap<>(), body, "application/json");
  }

  /** {@code {"amount_minor": minor, "currency": currency}}. */
  public static ObjectNode money(long minor, String currency) {
    return Exchange.JSON.createObjectNode().put("amount_minor", minor).put("currency", currency);
  }

  /** A read answered {@code 304} when the client holds this {@code etag}, else {@code 200}. */
  public static Exchange.Response conditional(Exchange e, String etag, Supplier<byte[]> body) {
    if (etag.equals(e.header("if-none-match"))) {
      return Exchange.Response.empty(304).header("ETag", etag);
    }
    return json(200, body.get()).header("ETag", etag);
  }

  /** Refuses a write with {@code 412} unless {@code If-Match} names {@code etag} (or is absent). */
  public static void checkIfMatch(Exchange e, String etag, boolean required) {
    String ifMatch = e.header("if-match");
    if (ifMatch == null && !required) {
      return;
    }
    if (ifMatch == null || !(ifMatch.equals(etag) || ifMatch.equals("*"))) {
      throw new Exchange.ApiError(
          Problems.problem(
                  412,
                  "version_conflict",
                  "Precondition failed",
                  "the object changed since you read it; it is now at "
                      + etag
                      + ": read it again, then retry")
              .header("ETag", etag));
    }
  }

  /** {@code "next_cursor"} and {@code "has_more"}. */
  public static void writeCursor(JsonGenerator g, @Nullable String next, boolean more)
      throws IOException {
    if (next == null) {
      g.writeNullField("next_cursor");
    } else {
      g.writeStringField("next_cursor", next);
    }
    g.writeBooleanField("has_more", more);
  }

  /** An opaque cursor for a position of some kind. */
  public static String encodeCursor(String kind, long value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.US_ASCII));
  }

  /** The position in a cursor of this kind (0 without one); a foreign cursor is a 422. */
  public static int decodeCursor(@Nullable String cursor, String kind) {
    if (cursor == null) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (s.startsWith(kind + ":")) {
        int v = Integer.parseInt(s.substring(kind.length() + 1));
        if (v >= 0) {
          return v;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new Exchange.ApiError(
        Problems.invalid(
            new Problems.FieldErrors()
                .add("cursor", "invalid_cursor", "pass the cursor the API gave you, unchanged")));
  }

  /** A localized text object. */
  public static void writeText(JsonGenerator g, String field, Map<String, String> text)
      throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> t : text.entrySet()) {
      g.writeStringField(t.getKey(), t.getValue());
    }
    g.writeEndObject();
  }

  /** An array of strings. */
  public static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** A money object. */
  public static void writeMoney(JsonGenerator g, String field, long minor, String currency)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeNumberField("amount_minor", minor);
    g.writeStringField("currency", currency);
    g.writeEndObject();
  }
}
