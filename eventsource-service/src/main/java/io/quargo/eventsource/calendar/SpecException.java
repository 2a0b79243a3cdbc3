package io.quargo.eventsource.calendar;

/**
 * An EventSource spec entry that cannot run; the message starts with the JSON path at fault, e.g.
 * {@code spec.calendar.example.schedule: ...}. Shared by the calendar, file and nats parsers.
 */
public final class SpecException extends RuntimeException {
  private final String path;

  public SpecException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.calendar.example.interval}. */
  public String path() {
    return path;
  }
}
