package io.quargo.eventbus.topology;

import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How much a stream keeps and how: the knobs an operator sets per stream. {@code maxAge} zero, {@code maxBytes}
 * and {@code maxMsgs} -1 mean unlimited. Argo Events' defaults are 168h, 50000 messages and 300s; Quargo keeps
 * the age and the dedup window but no message cap, which silently dropped old events under load.
 *
 * @param maxAge how long a message is kept; zero = forever
 * @param maxBytes size cap of the stream; -1 = none
 * @param maxMsgs message cap of the stream; -1 = none
 * @param replicas copies kept; more than 1 needs a JetStream cluster
 * @param duplicateWindow how long a {@code Nats-Msg-Id} is remembered for dedup; null = server default (2m)
 * @param storage file or memory; cannot change once the stream exists
 * @param origin the config prefix these came from (e.g. {@code quargo.bus.streams.events}), for error messages;
 *     null when built in code
 */
public record StreamLimits(
    Duration maxAge, long maxBytes, long maxMsgs, int replicas, Duration duplicateWindow, StorageType storage,
    String origin) {

  public static final String PREFIX = BusConfig.PREFIX + "streams.";
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(168);
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(5);

  public StreamLimits {
    String where = origin == null ? "stream limits" : origin;
    if (maxAge == null || maxAge.isNegative()) {
      throw new BusException(where + ": max-age must be zero (keep forever) or positive, got " + maxAge);
    }
    if (maxBytes == 0 || maxBytes < -1 || maxMsgs == 0 || maxMsgs < -1) {
      throw new BusException(where + ": max-bytes and max-msgs must be positive or -1 (unlimited), got "
          + maxBytes + " and " + maxMsgs);
    }
    if (replicas < 1 || replicas > 5) {
      throw new BusException(where + ": replicas must be between 1 and 5 (JetStream's limit), got " + replicas);
    }
    if (duplicateWindow != null && (duplicateWindow.isNegative() || duplicateWindow.isZero())) {
      throw new BusException(where + ": duplicate-window must be positive, got " + duplicateWindow);
    }
    if (storage == null) {
      storage = StorageType.File;
    }
  }

  /** 168h, no size or count cap, one replica, 5 minute dedup window, file storage. */
  public static StreamLimits defaults() {
    return new StreamLimits(DEFAULT_MAX_AGE, -1, -1, 1, DEFAULT_DUPLICATE_WINDOW, StorageType.File, null);
  }

  /**
   * Reads {@code quargo.bus.streams.<stream>.max-age} (168h, 0 = forever), {@code .max-bytes} (-1, or 10G
   * style), {@code .max-msgs} (-1), {@code .replicas} (1), {@code .duplicate-window} (5m, capped at max-age
   * when that is shorter and the window is not set) and {@code .storage} ({@code file} or {@code memory}).
   * Unset keys take {@code defaults}.
   */
  public static StreamLimits from(Map<String, String> props, String stream, StreamLimits defaults) {
    String prefix = PREFIX + Subjects.token("stream config name", stream) + ".";
    Duration maxAge = duration(props, prefix + "max-age", defaults.maxAge());
    String window = props.get(prefix + "duplicate-window");
    Duration duplicateWindow = window != null && !window.isBlank()
        ? Durations.parse(prefix + "duplicate-window", window)
        : capped(defaults.duplicateWindow(), maxAge);
    return new StreamLimits(
        maxAge,
        size(props, prefix + "max-bytes", defaults.maxBytes()),
        count(props, prefix + "max-msgs", defaults.maxMsgs()),
        replicas(props, prefix + "replicas", defaults.replicas()),
        duplicateWindow,
        storage(props, prefix + "storage", defaults.storage()),
        PREFIX + stream);
  }

  public StreamLimits withReplicas(int value) {
    return new StreamLimits(maxAge, maxBytes, maxMsgs, value, duplicateWindow, storage, origin);
  }

  public StreamLimits withMaxAge(Duration value) {
    return new StreamLimits(value, maxBytes, maxMsgs, replicas, duplicateWindow, storage, origin);
  }

  public StreamLimits withMaxBytes(long value) {
    return new StreamLimits(maxAge, value, maxMsgs, replicas, duplicateWindow, storage, origin);
  }

  public StreamLimits withMaxMsgs(long value) {
    return new StreamLimits(maxAge, maxBytes, value, replicas, duplicateWindow, storage, origin);
  }

  public StreamLimits withDuplicateWindow(Duration value) {
    return new StreamLimits(maxAge, maxBytes, maxMsgs, replicas, value, storage, origin);
  }

  public StreamLimits withStorage(StorageType value) {
    return new StreamLimits(maxAge, maxBytes, maxMsgs, replicas, duplicateWindow, value, origin);
  }

  public StreamLimits withOrigin(String value) {
    return new StreamLimits(maxAge, maxBytes, maxMsgs, replicas, duplicateWindow, storage, value);
  }

  /** The key an operator sets to change {@code setting}, e.g. {@code quargo.bus.streams.events.replicas}. */
  String key(String setting) {
    return origin == null ? setting : origin + "." + setting;
  }

  private static Duration capped(Duration window, Duration maxAge) {
    if (window == null || maxAge.isZero() || window.compareTo(maxAge) <= 0) {
      return window;
    }
    return maxAge;
  }

  private static Duration duration(Map<String, String> props, String key, Duration fallback) {
    String value = props.get(key);
    return value == null || value.isBlank() ? fallback : Durations.parse(key, value);
  }

  private static long size(Map<String, String> props, String key, long fallback) {
    String value = props.get(key);
    return value == null || value.isBlank() ? fallback : ByteSizes.parse(key, value);
  }

  private static long count(Map<String, String> props, String key, long fallback) {
    String value = props.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BusException(key + "='" + value + "' is not a whole number");
    }
  }

  private static int replicas(Map<String, String> props, String key, int fallback) {
    long value = count(props, key, fallback);
    if (value < 1 || value > 5) {
      throw new BusException(key + "=" + value + ": replicas must be between 1 and 5 (JetStream's limit)");
    }
    return (int) value;
  }

  private static StorageType storage(Map<String, String> props, String key, StorageType fallback) {
    String value = props.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "file" -> StorageType.File;
      case "memory" -> StorageType.Memory;
      default -> throw new BusException(key + "='" + value + "' is not a storage type; use file or memory");
    };
  }
}
