package io.quargo.eventbus;

/** A bus operation that failed, with a message that says what, where and how to fix it. */
public class BusException extends RuntimeException {
  public BusException(String message) {
    super(message);
  }

  public BusException(String message, Throwable cause) {
    super(message, cause);
  }
}
