package io.quargo.sensor.conditions;

import io.quargo.core.event.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * hash(sensor, trigger, the ids of the events that satisfied it): 32 hex chars of SHA-256. The same events always
 * give the same key, whichever replica computes it and however often.
 */
public final class ExecutionKey {
  private ExecutionKey() {}

  public static String of(String namespace, String sensor, String trigger, Map<String, CloudEvent> events) {
    StringBuilder text = new StringBuilder().append(namespace).append('\0').append(sensor).append('\0')
        .append(trigger);
    new TreeMap<>(events).forEach((dep, e) -> text.append('\0').append(dep).append('=').append(e.source())
        .append('/').append(e.id()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
