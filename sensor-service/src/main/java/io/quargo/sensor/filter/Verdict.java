package io.quargo.sensor.filter;

import io.quargo.core.event.CloudEvent;
import java.util.List;

/**
 * What a dependency made of one event: accepted (after its transform) or rejected with the reasons, each starting
 * with the JSON path of the filter that refused it.
 *
 * @param event the event as the conditions and parameters see it (transformed); the original when rejected
 */
public record Verdict(boolean accepted, CloudEvent event, List<String> reasons) {
  static Verdict accept(CloudEvent event) {
    return new Verdict(true, event, List.of());
  }

  static Verdict reject(CloudEvent event, List<String> reasons) {
    return new Verdict(false, event, List.copyOf(reasons));
  }
}
