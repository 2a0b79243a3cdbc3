package io.quargo.eventbus.topology;

import io.quargo.eventbus.BusException;

/**
 * The bus's subject scheme (DESIGN.md §2). Every token is one NATS subject token, so a name holding '.',
 * '*', '>' or whitespace would silently change which messages a filter matches; such names are refused.
 */
public final class Subjects {
  public static final String EVENTS_PREFIX = "events";
  public static final String LIFECYCLE_PREFIX = "lifecycle";
  public static final String COMMANDS_PREFIX = "commands";

  private Subjects() {}

  /** {@code events.<namespace>.<eventSource>.<eventName>}: where an EventSource publishes one event. */
  public static String events(String namespace, String eventSource, String eventName) {
    return join(EVENTS_PREFIX, token("namespace", namespace), token("event source name", eventSource),
        token("event name", eventName));
  }

  /** {@code events.<namespace>.<eventSource>.*}: every event of one EventSource. */
  public static String eventsOf(String namespace, String eventSource) {
    return join(EVENTS_PREFIX, token("namespace", namespace), token("event source name", eventSource), "*");
  }

  /** {@code lifecycle.<namespace>.<kind>.<name>}: phase changes of one Workflow, Rollout, Application... */
  public static String lifecycle(String namespace, String kind, String name) {
    return join(LIFECYCLE_PREFIX, token("namespace", namespace), token("kind", kind), token("name", name));
  }

  /** {@code commands.<service>.<namespace>}: durable requests to one service for one namespace. */
  public static String commands(String service, String namespace) {
    return join(COMMANDS_PREFIX, token("service", service), token("namespace", namespace));
  }

  /**
   * Returns {@code value} when it is usable as one subject token (or stream, consumer or bucket name part),
   * else a {@link BusException} saying which name is wrong and why.
   */
  public static String token(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new BusException(what + " is empty; it becomes a NATS subject token and must be a plain name");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new BusException(what + " '" + value + "' contains " + describe(c) + " at position " + i
            + "; it becomes one NATS subject token, where '.' separates tokens and '*' and '>' are"
            + " wildcards. Rename it without '.', '*', '>' or whitespace (e.g. use '-').");
      }
    }
    return value;
  }

  private static String describe(char c) {
    return switch (c) {
      case '.', '*', '>' -> "'" + c + "'";
      default -> Character.isWhitespace(c) ? "whitespace" : String.format("control character U+%04X", (int) c);
    };
  }

  private static String join(String... tokens) {
    return String.join(".", tokens);
  }
}
