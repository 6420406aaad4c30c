package ma.hirfa.sdk.core.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Random version-4 UUIDs from one DRBG {@link SecureRandom} seeded by the operating system once.
 * {@code UUID.randomUUID()} reads {@code /dev/urandom} on every call through the default NativePRNG
 * (a system call per idempotency key); the DRBG gives the same unpredictability from memory. Each
 * thread draws 256 bytes (16 UUIDs) at a time: the DRBG's cost is mostly per request, not per byte,
 * and its lock is then taken once per 16 ids instead of once per id.
 */
public final class Uuids {
  private static final SecureRandom RANDOM = create();
  private static final int BATCH = 256;

  /** Random bytes drawn ahead for one thread, and how many of them are used. */
  private static final class Pool {
    final byte[] bytes = new byte[BATCH];
    int used = BATCH;
  }

  private static final ThreadLocal<Pool> POOLS = ThreadLocal.withInitial(Pool::new);

  private Uuids() {}

  public static String random() {
    Pool pool = POOLS.get();
    if (pool.used == BATCH) {
      RANDOM.nextBytes(pool.bytes);
      pool.used = 0;
    }
    byte[] b = new byte[16];
    System.arraycopy(pool.bytes, pool.used, b, 0, 16);
    Arrays.fill(pool.bytes, pool.used, pool.used + 16, (byte) 0); // used once only
    pool.used += 16;
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
