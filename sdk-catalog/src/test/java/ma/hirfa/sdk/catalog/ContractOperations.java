package ma.hirfa.sdk.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of an OpenAPI document under {@code docs/openapi}, read from the document itself
 * (not from the SDK's constants): {@code operationId} to {@code "METHOD /path/{template}"}.
 */
final class ContractOperations {
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD =
      Pattern.compile("^    (get|post|put|patch|delete):\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OPERATION_ID = Pattern.compile("^      operationId:\\s*(\\w+)\\s*$");

  private ContractOperations() {}

  static Map<String, String> of(String document) {
    Path file = Path.of("..", "docs", "openapi", document).toAbsolutePath().normalize();
    Map<String, String> out = new TreeMap<>();
    String path = null;
    String method = null;
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("components:")) {
          break;
        }
        Matcher m = PATH.matcher(line);
        if (m.matches()) {
          path = m.group(1);
          method = null;
          continue;
        }
        m = METHOD.matcher(line);
        if (m.matches()) {
          method = m.group(1).toUpperCase(java.util.Locale.ROOT);
          continue;
        }
        m = OPERATION_ID.matcher(line);
        if (m.matches() && path != null && method != null) {
          out.put(m.group(1), method + " " + path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
