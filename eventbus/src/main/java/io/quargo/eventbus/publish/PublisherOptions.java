package io.quargo.eventbus.publish;

import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * @param maxInFlight asynchronous publishes awaiting their ack at once; a caller beyond it blocks until
 *     one completes, so a fast source cannot pile up unbounded memory
 * @param ackTimeout how long a publish waits for JetStream's acknowledgement
 */
public record PublisherOptions(int maxInFlight, Duration ackTimeout) {
  public static final String PREFIX = BusConfig.PREFIX + "publish.";
  public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);

  public PublisherOptions {
    if (maxInFlight < 1) {
      throw new BusException(PREFIX + "max-in-flight must be at least 1, got " + maxInFlight);
    }
    if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new BusException(PREFIX + "ack-timeout must be positive, got " + ackTimeout);
    }
  }

  public static PublisherOptions defaults() {
    return new PublisherOptions(DEFAULT_MAX_IN_FLIGHT, DEFAULT_ACK_TIMEOUT);
  }

  /** Reads {@code quargo.bus.publish.max-in-flight} (1024) and {@code quargo.bus.publish.ack-timeout} (5s). */
  public static PublisherOptions from(Map<String, String> props) {
    String max = props.get(PREFIX + "max-in-flight");
    String timeout = props.get(PREFIX + "ack-timeout");
    return new PublisherOptions(
        max == null || max.isBlank() ? DEFAULT_MAX_IN_FLIGHT : parseInt(PREFIX + "max-in-flight", max),
        timeout == null || timeout.isBlank() ? DEFAULT_ACK_TIMEOUT : Durations.parse(PREFIX + "ack-timeout", timeout));
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BusException(key + "='" + value + "' is not a whole number");
    }
  }
}
