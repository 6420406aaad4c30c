package ma.hirfa.sdk.core;

import ma.hirfa.sdk.core.internal.http.Uuids;

/**
 * Mints the identifiers the SDK sends: idempotency keys for POST requests and the invocation id
 * that ties the attempts of one logical call together. Inject a deterministic generator in tests
 * through {@link ClientOptions.Builder#idGenerator(IdGenerator)}.
 */
@FunctionalInterface
public interface IdGenerator {
  /** Random version-4 UUIDs from the operating system's {@link java.security.SecureRandom}. */
  IdGenerator RANDOM_UUID = Uuids::random;

  /** Returns a new identifier, unique with overwhelming probability; never null or blank. */
  String newId();
}
