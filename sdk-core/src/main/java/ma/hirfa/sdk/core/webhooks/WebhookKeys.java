package ma.hirfa.sdk.core.webhooks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import ma.hirfa.sdk.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Parsing of {@code whsec_}, {@code whpk_} and {@code whsk_} keys. A key that cannot be used is a
 * mistake in the configuration, so it fails with a {@link ValidationException} naming the builder
 * setting ({@code secret}, {@code publicKey}, {@code signingKey}); messages never echo the key.
 */
final class WebhookKeys {
  /**
   * DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 key bytes.
   */
  private static final byte[] X509_ED25519 = hex("302a300506032b6570032100");

  /** DER prefix of a PKCS#8 PrivateKeyInfo for an Ed25519 seed (RFC 8410). */
  private static final byte[] PKCS8_ED25519 = hex("302e020100300506032b657004220420");

  private WebhookKeys() {}

  /**
   * The HMAC key of a {@code whsec_} secret (prefix optional, whitespace stripped, padding
   * optional).
   */
  static byte[] hmacKey(@Nullable String secret) {
    String s = strip(secret, "whsec_", "secret");
    byte[] key = decode(s, "secret");
    if (key.length == 0) {
      throw new ValidationException("secret", "is empty");
    }
    return key;
  }

  /**
   * An Ed25519 public key from {@code whpk_} + base64 of 32 raw bytes or the 44-byte X.509 form.
   */
  static PublicKey publicKey(@Nullable String value) {
    byte[] raw = decode(strip(value, "whpk_", "publicKey"), "publicKey");
    byte[] der;
    if (raw.length == 32) {
      der = concat(X509_ED25519, raw);
    } else if (raw.length == 44 && startsWith(raw, X509_ED25519)) {
      der = raw;
    } else if (raw.length == 0) {
      throw new ValidationException("publicKey", "is empty");
    } else {
      throw new ValidationException(
          "publicKey",
          "must be 32 raw bytes or a 44-byte X.509 Ed25519 key after whpk_, not "
              + raw.length
              + " bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new ValidationException("publicKey", "is not an Ed25519 public key");
    }
  }

  /** An Ed25519 private key from {@code whsk_} + base64 of the 32-byte seed. */
  static PrivateKey privateKey(@Nullable String value) {
    byte[] seed = decode(strip(value, "whsk_", "signingKey"), "signingKey");
    if (seed.length != 32) {
      throw new ValidationException(
          "signingKey",
          "must be a 32-byte Ed25519 seed after whsk_, not " + seed.length + " bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519, seed)));
    } catch (GeneralSecurityException e) {
      throw new ValidationException("signingKey", "is not an Ed25519 seed");
    }
  }

  /**
   * The key without its prefix. A null key is refused by name, with a hint: it most often comes
   * from an environment variable that is not set.
   */
  static String strip(@Nullable String value, String prefix, String field) {
    if (value == null) {
      throw new ValidationException(
          field, "is null: is the environment variable or setting that holds it defined?");
    }
    String s = value.strip();
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static byte[] decode(String base64, String field) {
    try {
      // The basic decoder rejects characters outside the standard alphabet and accepts a value
      // with or without its '=' padding.
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, "is not valid base64");
    }
  }

  private static boolean startsWith(byte[] a, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (a[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
