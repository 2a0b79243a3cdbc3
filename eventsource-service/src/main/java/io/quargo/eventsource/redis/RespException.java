package io.quargo.eventsource.redis;

/** An error reply from Redis, e.g. {@code BUSYGROUP Consumer Group name already exists}; the message is Redis's. */
public final class RespException extends RuntimeException {
  public RespException(String message) {
    super(message);
  }

  /** The error code, the reply's first word: {@code BUSYGROUP}, {@code NOGROUP}, {@code WRONGPASS}, ... */
  public String code() {
    String message = getMessage();
    int space = message.indexOf(' ');
    return space < 0 ? message : message.substring(0, space);
  }
}
