package ma.hirfa.sdk.core.webhooks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import ma.hirfa.sdk.core.webhooks.WebhookVerificationException.Reason;

/** Parsing of {@code whsec_}, {@code whpk_} and {@code whsk_} keys. Errors never echo the key. */
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
  static byte[] hmacKey(String secret) {
    String s = strip(secret, "whsec_");
    byte[] key = decode(s, "secret");
    if (key.length == 0) {
      throw new WebhookVerificationException(Reason.EMPTY_SECRET, "the webhook secret is empty");
    }
    return key;
  }

  /**
   * An Ed25519 public key from {@code whpk_} + base64 of 32 raw bytes or the 44-byte X.509 form.
   */
  static PublicKey publicKey(String value) {
    byte[] raw = decode(strip(value, "whpk_"), "public key");
    byte[] der;
    if (raw.length == 32) {
      der = concat(X509_ED25519, raw);
    } else if (raw.length == 44 && startsWith(raw, X509_ED25519)) {
      der = raw;
    } else if (raw.length == 0) {
      throw new WebhookVerificationException(Reason.EMPTY_SECRET, "the public key is empty");
    } else {
      throw new WebhookVerificationException(
          Reason.INVALID_SECRET,
          "a whpk_ key must be 32 raw bytes or a 44-byte X.509 Ed25519 key, not "
              + raw.length
              + " bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET, "not an Ed25519 public key");
    }
  }

  /** An Ed25519 private key from {@code whsk_} + base64 of the 32-byte seed. */
  static PrivateKey privateKey(String value) {
    byte[] seed = decode(strip(value, "whsk_"), "signing key");
    if (seed.length != 32) {
      throw new WebhookVerificationException(
          Reason.INVALID_SECRET,
          "a whsk_ key must be a 32-byte Ed25519 seed, not " + seed.length + " bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519, seed)));
    } catch (GeneralSecurityException e) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET, "not an Ed25519 seed");
    }
  }

  private static String strip(String value, String prefix) {
    if (value == null) {
      throw new WebhookVerificationException(Reason.EMPTY_SECRET, "the key is null");
    }
    String s = value.strip();
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static byte[] decode(String base64, String what) {
    try {
      // The basic decoder rejects characters outside the standard alphabet and accepts a value
      // with or without its '=' padding.
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(
          Reason.INVALID_SECRET, "the " + what + " is not valid base64");
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
