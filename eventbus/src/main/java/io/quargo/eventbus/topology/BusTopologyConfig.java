package io.quargo.eventbus.topology;

import java.util.Map;

/**
 * Limits of the standard streams, from {@code quargo.bus.streams.events.*}, {@code .lifecycle.*} and
 * {@code .commands.*} (keys in {@link StreamLimits#from}); every stream defaults to 168h, no size cap, one
 * replica, a 5 minute dedup window and file storage.
 */
public record BusTopologyConfig(StreamLimits events, StreamLimits lifecycle, StreamLimits commands) {

  public static BusTopologyConfig defaults() {
    return from(Map.of());
  }

  public static BusTopologyConfig from(Map<String, String> props) {
    return new BusTopologyConfig(
        StreamLimits.from(props, "events", StreamLimits.defaults()),
        StreamLimits.from(props, "lifecycle", StreamLimits.defaults()),
        StreamLimits.from(props, "commands", StreamLimits.defaults()));
  }
}
