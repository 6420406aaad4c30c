package ma.hirfa.sdk.core.internal.json;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import ma.hirfa.sdk.core.CallDiagnostics;
import ma.hirfa.sdk.core.ResponseDecodingException;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * One line of a streamed NDJSON body, as {@code NdjsonReader} cut it, its bytes held until it is
 * decoded. Every failure to read it is a {@link ResponseDecodingException} naming the stream and
 * the line, with the streaming call's diagnostics.
 *
 * <p>Internal: public for the clients' streamed endpoints and for the reader in {@code
 * internal.http}; not an API.
 */
public final class NdjsonLine {
  private final ByteString bytes;
  private final long number;
  private final boolean terminated;
  private final Json json;
  private final String what;
  private final CallDiagnostics diagnostics;

  /**
   * A line of the stream {@code what} names (like {@code "the export"}), decoded with {@code json};
   * {@code number} is 1 for the first non-blank line.
   */
  public NdjsonLine(
      ByteString bytes,
      long number,
      boolean terminated,
      Json json,
      String what,
      CallDiagnostics diagnostics) {
    this.bytes = bytes;
    this.number = number;
    this.terminated = terminated;
    this.json = json;
    this.what = what;
    this.diagnostics = diagnostics;
  }

  /** 1 for the first non-blank line. */
  public long number() {
    return number;
  }

  /** False when the body ended inside this line, before its newline. */
  public boolean terminated() {
    return terminated;
  }

  /** Whether the line's raw bytes contain {@code text} (a cheap test before decoding). */
  public boolean contains(String text) {
    return bytes.indexOf(ByteString.encodeUtf8(text)) >= 0;
  }

  /**
   * Decodes the line as {@code type}.
   *
   * @throws ResponseDecodingException naming the line, when it is not a {@code type}
   */
  public <T> T decode(TypeRef<T> type) {
    try {
      T value = json.decode(new Buffer().write(bytes), type);
      if (value == null) {
        throw new IOException("the line is JSON null");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new ResponseDecodingException(
          what + " line " + number + " could not be decoded: " + e.getMessage(), diagnostics, e);
    }
  }

  /**
   * The string value of the top-level member {@code name} when the line is a JSON object that has
   * it; null when it is a JSON object without it.
   *
   * @throws ResponseDecodingException the line is not a JSON object, or the member not a string
   */
  public @Nullable String stringMember(String name) {
    try (JsonReader r = JsonReader.of(new Buffer().write(bytes))) {
      String found = null;
      r.beginObject();
      while (r.hasNext()) {
        if (r.nextName().equals(name) && found == null) {
          if (r.peek() != JsonReader.Token.STRING) {
            throw new IOException(name + " is " + r.peek() + ", not a string");
          }
          found = r.nextString();
        } else {
          r.skipValue();
        }
      }
      r.endObject();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("unexpected content after the JSON object");
      }
      return found;
    } catch (IOException | RuntimeException e) {
      throw new ResponseDecodingException(
          what + " line " + number + " is not a JSON object: " + e.getMessage(), diagnostics, e);
    }
  }

  @Override
  public String toString() {
    // Never the content: a line may hold personal data.
    return "Line{number=" + number + ", bytes=" + bytes.size() + ", terminated=" + terminated + "}";
  }
}
