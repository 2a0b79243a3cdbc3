package io.quargo.eventsource.amqp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Event ids derived from what identifies an upstream message, so its redelivery carries the same CloudEvent id
 * and JetStream's {@code Nats-Msg-Id} deduplication drops the copy. The parts include namespace, EventSource and
 * event name, because one dedup window covers the whole EVENTS stream.
 */
public final class StableIds {
  private StableIds() {}

  /** 32 hex characters, the length of Argo's random ids. */
  public static String of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A random id in Argo's shape, fixed once per received message so our own publish retries reuse it. */
  public static String random() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
