package io.quargo.core.sprig;

/**
 * A sprig function refused its arguments or failed. Argument mismatches read as Go's reflective
 * call checks ("wrong number of args for upper: want 1 got 2"); failures inside read as Go's
 * "error calling upper: reason".
 */
public final class SprigException extends RuntimeException {
  private final String function;
  private final String reason;

  private SprigException(String function, String reason, String message) {
    super(message, null, false, false);
    this.function = function;
    this.reason = reason;
  }

  /** The function ran and failed. */
  public static SprigException failed(String function, String reason) {
    return new SprigException(function, reason, "error calling " + function + ": " + reason);
  }

  /** The arguments did not fit the function's Go signature. */
  public static SprigException badArguments(String function, String reason) {
    return new SprigException(function, reason, reason);
  }

  public String function() {
    return function;
  }

  public String reason() {
    return reason;
  }
}
