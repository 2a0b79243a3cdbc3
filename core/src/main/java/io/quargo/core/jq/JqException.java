package io.quargo.core.jq;

/** A jq program that does not compile, or fails or exceeds its bounds while running; names line:col or the step. */
public final class JqException extends RuntimeException {
  JqException(String message, Throwable cause) {
    super(message, cause);
  }
}
