package ma.hirfa.sdk.testkit.server;

/**
 * Answers the requests of one contract operation (an {@code operationId}): the route table hands it
 * the request and the path parameters it matched. It throws {@link Exchange.ApiError} to answer
 * with a problem document.
 */
@FunctionalInterface
public interface Handler {
  /** The response to {@code e}, matched to this handler's operation as {@code route}. */
  Exchange.Response handle(Exchange e, RouteTable.Match route);
}
