package ma.hirfa.sdk.core.internal.http;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Random version-4 UUIDs from the operating system's generator ({@code NativePRNGNonBlocking}:
 * {@code /dev/urandom} on Linux and macOS; the platform's default {@link SecureRandom} elsewhere).
 * {@code UUID.randomUUID()} asks it for 16 bytes on every call (a system call per idempotency key);
 * here each thread draws 256 bytes (16 UUIDs) at a time, so the system call and the generator's
 * lock are taken once per 16 ids. Not a DRBG: instantiating and seeding one loaded about 200
 * classes and cost a fresh JVM's first call about 15 ms (benchmarks/README.md, cold start), for no
 * unpredictability that the kernel's generator does not already give.
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
      return SecureRandom.getInstance("NativePRNGNonBlocking");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
