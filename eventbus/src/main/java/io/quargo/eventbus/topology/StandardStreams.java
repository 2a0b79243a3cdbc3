package io.quargo.eventbus.topology;

import java.util.List;

/**
 * The three streams of DESIGN.md §2. All keep messages by limits (not work-queue retention: a work queue
 * forbids overlapping consumers and breaks new-only consumers, Argo issue #3377); durable consumers track
 * what each reader has done.
 */
public final class StandardStreams {
  public static final String EVENTS = "EVENTS";
  public static final String LIFECYCLE = "LIFECYCLE";
  public static final String COMMANDS = "COMMANDS";

  private StandardStreams() {}

  /** Every event of every EventSource: {@code events.<namespace>.<eventSource>.<eventName>}. */
  public static StreamSpec events(StreamLimits limits) {
    return StreamSpec.of(EVENTS, limits, Subjects.EVENTS_PREFIX + ".>")
        .withDescription("Quargo events: events.<namespace>.<eventSource>.<eventName>, CloudEvents JSON");
  }

  /** Phase changes: {@code lifecycle.<namespace>.<kind>.<name>}. */
  public static StreamSpec lifecycle(StreamLimits limits) {
    return StreamSpec.of(LIFECYCLE, limits, Subjects.LIFECYCLE_PREFIX + ".>")
        .withDescription("Quargo lifecycle events: lifecycle.<namespace>.<kind>.<name>, CloudEvents JSON");
  }

  /** Durable requests between services: {@code commands.<service>.<namespace>}. */
  public static StreamSpec commands(StreamLimits limits) {
    return StreamSpec.of(COMMANDS, limits, Subjects.COMMANDS_PREFIX + ".>")
        .withDescription("Quargo commands: commands.<service>.<namespace>, one idempotency key each");
  }

  public static List<StreamSpec> all(BusTopologyConfig config) {
    return List.of(events(config.events()), lifecycle(config.lifecycle()), commands(config.commands()));
  }
}
