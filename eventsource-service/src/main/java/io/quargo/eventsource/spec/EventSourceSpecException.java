package io.quargo.eventsource.spec;

/**
 * An EventSource's {@code spec.<type>} entry that cannot be run; the message starts with the JSON path at fault,
 * e.g. {@code spec.amqp.example.url: is required}. Shared by the amqp, mqtt and redis parsers.
 */
public final class EventSourceSpecException extends RuntimeException {
  private final String path;

  public EventSourceSpecException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.amqp.example.url}. */
  public String path() {
    return path;
  }
}
