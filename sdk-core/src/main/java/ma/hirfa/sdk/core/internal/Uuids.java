package ma.hirfa.sdk.core.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random version-4 UUIDs from one DRBG {@link SecureRandom} seeded by the operating system once.
 * {@code UUID.randomUUID()} reads {@code /dev/urandom} on every call through the default NativePRNG
 * (a system call per idempotency key); the DRBG gives the same unpredictability from memory.
 */
public final class Uuids {
  private static final SecureRandom RANDOM = create();

  private Uuids() {}

  public static String random() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
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
