package io.quargo.core.event;

import java.util.UUID;

/** Event ids as Argo Events makes them: the 16 bytes of a random UUID as 32 lower-case hex chars. */
public final class CloudEventIds {
  private CloudEventIds() {}

  /** A fresh random id, e.g. {@code 4f0c3c2e9a8b4d7e8f1a2b3c4d5e6f70}. */
  public static String newId() {
    return of(UUID.randomUUID());
  }

  /** The id Argo would write for this UUID ({@code fmt.Sprintf("%x", uuid[:])}). */
  public static String of(UUID uuid) {
    return hex(uuid.getMostSignificantBits()) + hex(uuid.getLeastSignificantBits());
  }

  private static String hex(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
