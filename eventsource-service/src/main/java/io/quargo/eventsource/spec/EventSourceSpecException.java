package io.quargo.eventsource.spec;

import io.quargo.core.PathException;

/**
 * An EventSource's {@code spec.<type>} entry that cannot be run; the message starts with the JSON path at fault,
 * e.g. {@code spec.amqp.example.url: is required}. Shared by the amqp, mqtt and redis parsers.
 */
public final class EventSourceSpecException extends PathException {
  public EventSourceSpecException(String path, String problem) {
    super(path, problem);
  }
}
