package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import java.nio.charset.StandardCharsets;

/** The shapes parameters read: Argo's event context ({@code contextKey}) and data ({@code dataKey}). */
final class EventJson {
  private EventJson() {}

  /** {@code {id, source, specversion, type, datacontenttype, subject, time}}, as Argo's EventContext. */
  static ObjectNode context(CloudEvent e) {
    ObjectNode c = Json.object();
    c.put("id", e.id());
    c.put("source", e.source());
    c.put("specversion", e.specversion());
    c.put("type", e.type());
    c.put("datacontenttype", e.datacontenttype() == null ? "" : e.datacontenttype());
    c.put("subject", e.subject() == null ? "" : e.subject());
    if (e.time() != null) {
      c.put("time", CloudEventJson.toTree(e, CloudEventJson.DataEncoding.JSON).path("time").asText());
    }
    return c;
  }

  /** The data as JSON; bytes that are not JSON are read as one string. */
  static JsonNode data(CloudEvent e) {
    JsonNode d = e.data();
    if (d == null) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    if (d.isBinary()) {
      return new TextNode(new String(CloudEventJson.dataBytes(e), StandardCharsets.UTF_8));
    }
    return d;
  }

  /** The whole event, {@code {context, data}}. */
  static ObjectNode whole(CloudEvent e) {
    ObjectNode out = Json.object();
    out.set("context", context(e));
    out.set("data", data(e));
    return out;
  }
}
