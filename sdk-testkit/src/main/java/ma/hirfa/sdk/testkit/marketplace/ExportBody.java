package ma.hirfa.sdk.testkit.marketplace;

import java.util.Arrays;
import java.util.function.IntFunction;
import ma.hirfa.sdk.testkit.server.Exchange;
import ma.hirfa.sdk.testkit.server.Json;
import org.jspecify.annotations.Nullable;

/**
 * The body of one export, pulled 64 products at a time: the products from a position on, then the
 * closing line with the export's cursor. Its {@link CatalogMisbehaviour.ExportPlan} may end it
 * after a number of bytes, leave out its last bytes, or spell the closing line with spaces.
 */
public final class ExportBody implements Exchange.StreamBody {
  private final IntFunction<@Nullable Product> atPosition;
  private final int total;
  private final String cursor;
  private final CatalogMisbehaviour.ExportPlan plan;
  private int position;
  private long sent;
  private boolean done;

  public ExportBody(
      IntFunction<@Nullable Product> atPosition,
      int from,
      int total,
      String cursor,
      CatalogMisbehaviour.ExportPlan plan) {
    this.atPosition = atPosition;
    this.position = from;
    this.total = total;
    this.cursor = cursor;
    this.plan = plan;
  }

  @Override
  public byte @Nullable [] next() {
    if (done) {
      return null;
    }
    byte[] chunk =
        Json.bytes(
            g -> {
              g.setRootValueSeparator(null);
              for (int n = 0; n < 64 && position < total; position++) {
                Product p = atPosition.apply(position);
                if (p != null) {
                  ProductJson.writeProduct(g, p);
                  g.writeRaw('\n');
                  n++;
                }
              }
              if (position >= total) {
                if (plan.spacedClosingLine()) {
                  g.writeRaw("{ \"export_cursor\" : \"" + cursor + "\" }\n");
                } else {
                  g.writeStartObject();
                  g.writeStringField("export_cursor", cursor);
                  g.writeEndObject();
                  g.writeRaw('\n');
                }
                done = true;
              }
            });
    if (done && plan.dropLast() > 0) {
      chunk = Arrays.copyOf(chunk, Math.max(0, chunk.length - plan.dropLast()));
    }
    if (plan.cutAt() >= 0 && sent + chunk.length >= plan.cutAt()) {
      chunk = Arrays.copyOf(chunk, (int) (plan.cutAt() - sent));
      done = true;
    }
    sent += chunk.length;
    return chunk;
  }
}
