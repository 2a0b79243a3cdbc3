package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.text.GoDuration;
import java.time.Duration;
import java.util.List;

/**
 * calendar.yaml as written (its 10s interval is short enough to wait for): nothing to rewrite, no message to send;
 * the "message" is waiting for the first tick.
 */
final class CalendarRig implements ExampleRig {

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> assertThat(entry.has("schedule") || entry.has("interval")).isTrue());
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> { });
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("eventTime"); // CalendarIT's shape, no metadata set
    // Go's time.Time String(), as CalendarIT
    assertThat(data.get("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? [+-]\\d{4} \\S+");
  }

  /** The first tick comes within one interval (the example's 10s), or a minute for a schedule; plus slack. */
  @Override
  public Duration patience(JsonNode entry) {
    Duration period = entry.hasNonNull("interval") ? Duration.ofNanos(GoDuration.parse(entry.get("interval").asText()))
        : Duration.ofMinutes(1);
    return period.plusSeconds(15);
  }

  @Override
  public boolean recurring() {
    return true;
  }

  @Override
  public void close() {}
}
