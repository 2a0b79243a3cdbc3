package io.quargo.eventsource.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Message;
import io.quargo.core.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A nats event's {@code data} as Argo shapes it: {@code {subject, body, header, metadata}}. With {@code jsonBody}
 * the body is the message's JSON; without it, the bytes base64-encoded (Go's encoding of {@code []byte}).
 * {@code header} ({@code {name: [values]}}) only when the message has headers, {@code metadata} only when set.
 */
public final class NatsPayload {
  private static final Logger LOG = Logger.getLogger(NatsPayload.class);

  private NatsPayload() {}

  public static ObjectNode data(NatsSpec spec, Message message) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("subject", message.getSubject());
    data.set("body", body(spec, message.getData() == null ? new byte[0] : message.getData()));
    if (message.hasHeaders() && !message.getHeaders().isEmpty()) {
      ObjectNode header = data.putObject("header");
      for (Map.Entry<String, List<String>> e : message.getHeaders().entrySet()) {
        ArrayNode values = header.putArray(e.getKey());
        e.getValue().forEach(values::add);
      }
    }
    if (!spec.metadata().isEmpty()) {
      ObjectNode metadata = data.putObject("metadata");
      spec.metadata().forEach(metadata::put);
    }
    return data;
  }

  /**
   * Argo drops a message whose body is not JSON under {@code jsonBody: true}; we keep the event and carry the body
   * as a string, so nothing is lost, and say so in the log.
   */
  private static JsonNode body(NatsSpec spec, byte[] bytes) {
    if (!spec.jsonBody()) {
      return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    try {
      JsonNode json = Json.MAPPER.readTree(bytes);
      return json == null ? JsonNodeFactory.instance.nullNode() : json;
    } catch (IOException e) {
      LOG.warnf("%s: jsonBody is true but a message is not JSON (%s); its body is kept as a string",
          spec.path(), e.getMessage());
      return JsonNodeFactory.instance.textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
