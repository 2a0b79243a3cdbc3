package io.quargo.core.event;

/** A CloudEvent that cannot be decoded or built; the message names the attribute at fault. */
public class InvalidCloudEventException extends IllegalArgumentException {
  private final String attribute;

  public InvalidCloudEventException(String attribute, String message) {
    super(message);
    this.attribute = attribute;
  }

  public InvalidCloudEventException(String attribute, String message, Throwable cause) {
    super(message, cause);
    this.attribute = attribute;
  }

  /** The CloudEvents attribute at fault, e.g. {@code "id"}, or null when the whole document is. */
  public String attribute() {
    return attribute;
  }
}
