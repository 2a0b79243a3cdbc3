package io.quargo.eventsource.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What one of Argo's example EventSources needs to run on this machine: its upstream server, started by the rig;
 * the example's connection points (and nothing else) pointed at that server; the secrets it names; one real
 * upstream message per configured event; and Argo's payload shape for the type.
 */
interface ExampleRig extends AutoCloseable {

  /** One real upstream message (an HTTP request, a publish, a file written ...), or a wait for a tick. */
  @FunctionalInterface
  interface Message {
    void send() throws Exception;
  }

  /**
   * Points {@code entries} (the example's {@code spec.<type>}) at this machine's server and prepares that server
   * as the example's operator would (a bucket, a topic, a directory). Changes connection points only.
   */
  void connect(ObjectNode entries) throws Exception;

  /** The value of a secret the example names, or null when it names no such secret. */
  String secret(String namespace, String name, String key);

  /** The messages for one event, in order; the test waits for each one's CloudEvent before sending the next. */
  List<Message> messages(String eventName, JsonNode entry);

  /** Asserts Argo's payload shape and the sent content on the CloudEvents of one event, in arrival order. */
  void check(String eventName, JsonNode entry, List<CloudEvent> events);

  /** How long one message's CloudEvent of {@code entry} may take to arrive. */
  default Duration patience(JsonNode entry) {
    return Duration.ofSeconds(30);
  }

  /** True when the source goes on producing by itself (a calendar), so more events than messages are fine. */
  default boolean recurring() {
    return false;
  }

  @Override
  void close() throws Exception;

  /** The top-level field names of an event's data, in order: what a payload shape is compared by. */
  static List<String> fields(JsonNode data) {
    List<String> names = new ArrayList<>();
    data.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The body Argo carries for bytes sent: the JSON itself under {@code jsonBody: true}, else base64 (Go's []byte). */
  static JsonNode body(JsonNode entry, String sent) {
    byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
    return entry.path("jsonBody").asBoolean(false) ? Json.parse(bytes)
        : TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
  }
}
