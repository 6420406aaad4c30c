package ma.hirfa.sdk.testkit.server;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's one route table: every operation of the contract ({@code operationId}, method and
 * path template, read from the parsed OpenAPI documents) bound to its handler. Built at start-up,
 * it refuses to start when an operation has no handler or a handler names no operation, so the
 * table cannot drift from the contract. Literal path segments win over parameters ({@code
 * /v1/products/batch} before {@code /v1/products/{id}}). Immutable, so thread-safe.
 */
public final class RouteTable {
  /** An operation matched by a request: its id, its document and the path parameters. */
  public record Match(
      String operationId, OpenApiContract.Document document, Map<String, String> params) {
    /** A path parameter by name, like {@code id}. */
    public String param(String name) {
      String value = params.get(name);
      if (value == null) {
        throw new IllegalStateException(operationId + " has no path parameter " + name);
      }
      return value;
    }
  }

  private record Route(
      String method,
      String[] segments,
      String operationId,
      OpenApiContract.Document document,
      Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final OpenApiContract.Document fallback;

  /**
   * Binds each operation of {@code contract} to the handler registered under its id.
   *
   * @throws IllegalStateException if an operation has no handler, or a handler no operation
   */
  public RouteTable(OpenApiContract contract, Map<String, Handler> handlers) {
    Set<String> unused = new TreeSet<>(handlers.keySet());
    Set<String> missing = new TreeSet<>();
    for (OpenApiContract.Document d : contract.documents()) {
      for (Map.Entry<String, PathItem> path : d.api().getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> op :
            path.getValue().readOperationsMap().entrySet()) {
          String id = op.getValue().getOperationId();
          Handler h = handlers.get(id);
          if (h == null) {
            missing.add(id);
            continue;
          }
          unused.remove(id);
          routes.add(new Route(op.getKey().name(), split(path.getKey()), id, d, h));
        }
      }
    }
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new IllegalStateException(
          "the route table and the contract disagree: no handler for "
              + missing
              + ", no operation for "
              + unused);
    }
    // Most literal segments first, so a literal route wins over a parameter at the same place.
    routes.sort((a, b) -> Integer.compare(literals(b.segments()), literals(a.segments())));
    List<OpenApiContract.Document> docs = contract.documents();
    this.fallback = docs.get(docs.size() - 1);
  }

  /** The operation {@code method path} calls, if the contract has it. */
  public Optional<Match> match(String method, String path) {
    String[] actual = split(path);
    for (Route r : routes) {
      if (r.method().equals(method)) {
        Map<String, String> params = bind(r.segments(), actual);
        if (params != null) {
          return Optional.of(new Match(r.operationId(), r.document(), params));
        }
      }
    }
    return Optional.empty();
  }

  /** The handler bound to an operation matched by {@link #match}. */
  public Handler handler(Match match) {
    for (Route r : routes) {
      if (r.operationId().equals(match.operationId())) {
        return r.handler();
      }
    }
    throw new IllegalStateException("no route " + match.operationId());
  }

  /**
   * The document that defines {@code path} for some method (to check a request against it even when
   * its method is wrong), else the default one.
   */
  public OpenApiContract.Document documentFor(String path) {
    String[] actual = split(path);
    for (Route r : routes) {
      if (bind(r.segments(), actual) != null) {
        return r.document();
      }
    }
    return fallback;
  }

  /** Every operation id in the table, sorted. */
  public Set<String> operationIds() {
    Set<String> ids = new TreeSet<>();
    routes.forEach(r -> ids.add(r.operationId()));
    return ids;
  }

  private static @Nullable Map<String, String> bind(String[] template, String[] actual) {
    if (template.length != actual.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), actual[i]);
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return params;
  }

  private static int literals(String[] segments) {
    int n = 0;
    for (String s : segments) {
      if (!s.startsWith("{")) {
        n++;
      }
    }
    return n;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.split("/", -1);
  }
}
