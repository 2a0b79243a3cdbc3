package io.quargo.eventsource.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's payload signature as {@code github.ValidatePayload} checks it: {@code X-Hub-Signature-256:
 * sha256=<hex HMAC of the body>} when present, else the legacy {@code X-Hub-Signature: sha1=<hex>}.
 */
final class GithubSignature {
  private GithubSignature() {}

  /** Null when the signature matches; otherwise why not (never echoing the secret nor the expected value). */
  static String mismatch(String secret, byte[] body, String sha256Header, String sha1Header) {
    String header = sha256Header != null ? sha256Header : sha1Header;
    if (header == null || header.isBlank()) {
      return "missing signature: a webhookSecret is configured but the request has no X-Hub-Signature-256 header";
    }
    int eq = header.indexOf('=');
    if (eq < 0) {
      return "error parsing signature \"" + header + "\": expected <algorithm>=<hex digest>";
    }
    String algorithm = header.substring(0, eq).trim();
    String macAlgorithm = switch (algorithm) {
      case "sha256" -> "HmacSHA256";
      case "sha1" -> "HmacSHA1";
      case "sha512" -> "HmacSHA512";
      default -> null;
    };
    if (macAlgorithm == null) {
      return "unknown signature algorithm \"" + algorithm + "\"";
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(eq + 1).trim());
    } catch (IllegalArgumentException e) {
      return "error decoding signature: not hexadecimal";
    }
    byte[] expected = hmac(macAlgorithm, secret, body);
    return MessageDigest.isEqual(given, expected) ? null : "payload signature check failed";
  }

  static byte[] hmac(String macAlgorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      byte[] key = secret.getBytes(StandardCharsets.UTF_8);
      // HMAC zero-pads short keys, so an empty key is the same as one zero byte (SecretKeySpec refuses empty)
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macAlgorithm));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(macAlgorithm + " is not available in this JVM", e);
    }
  }
}
