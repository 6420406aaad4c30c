package ma.hirfa.sdk.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The store's transaction as the application sees it: every call goes through, except those that
 * would end the transaction behind the store's back (commit, roll back, auto-commit on, close,
 * abort): they throw, because committing early would record the application's writes without the
 * event id or checkpoint that must go with them. {@code close()} is a no-op, so that
 * try-with-resources on it is harmless.
 */
final class GuardedConnection implements InvocationHandler {
  private static final Set<String> REFUSED = Set.of("commit", "abort", "setAutoCommit");

  private final Connection target;

  private GuardedConnection(Connection target) {
    this.target = target;
  }

  static Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            GuardedConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new GuardedConnection(c));
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
      throws Throwable {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    if (name.equals("close") && arity == 0) {
      return null;
    }
    if (name.equals("isClosed") && arity == 0) {
      return target.isClosed();
    }
    boolean autoCommitOff =
        name.equals("setAutoCommit") && args != null && Boolean.FALSE.equals(args[0]);
    if ((REFUSED.contains(name) && !autoCommitOff) || (name.equals("rollback") && arity == 0)) {
      throw new IllegalStateException(
          name
              + "() is not allowed on the store's transaction: it commits with the event id or"
              + " checkpoint when the store decides (roll back to a savepoint instead)");
    }
    if (name.equals("unwrap") || name.equals("isWrapperFor")) {
      // Handing out the real connection would let the caller commit it.
      if (args != null && args[0] == Connection.class) {
        return name.equals("unwrap") ? proxy : Boolean.TRUE;
      }
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public String toString() {
    return "GuardedConnection{" + target + "}";
  }
}
