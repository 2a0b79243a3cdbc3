package io.quargo.sensor.trigger;

/**
 * A trigger whose effect did not happen. Transient failures (refused connection, timeout, a status outside
 * {@code policy.status.allow}) are attempted again under the trigger's {@code retryStrategy}, or without one by
 * redelivering the event; permanent ones (a spec or parameter that cannot work) are never attempted again. The
 * message names the trigger's JSON path.
 */
public final class TriggerFailure extends RuntimeException {
  private final boolean permanent;

  private TriggerFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public static TriggerFailure transientFailure(String message, Throwable cause) {
    return new TriggerFailure(message, false, cause);
  }

  public static TriggerFailure permanent(String message) {
    return new TriggerFailure(message, true, null);
  }

  public boolean permanent() {
    return permanent;
  }
}
