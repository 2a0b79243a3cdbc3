package io.quargo.sensor.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.spec.ParameterOperation;
import io.quargo.sensor.spec.TriggerParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies trigger {@code parameters} to a JSON target (the trigger template, a resource, or a payload being
 * built). Values are inserted as JSON strings, or as raw JSON with {@code useRawData}; {@code append} and
 * {@code prepend} join the new text to the text already at {@code dest}.
 */
public final class TriggerParameters {
  private TriggerParameters() {}

  /** Returns the target with every parameter applied; the given target is not changed. */
  public static JsonNode apply(JsonNode target, List<TriggerParameter> params, Map<String, CloudEvent> events) {
    JsonNode out = target == null ? Json.object() : target.deepCopy();
    for (TriggerParameter p : params) {
      Optional<ResolvedValue> value = ParameterResolver.resolve(p.src(), events, p.where());
      if (value.isPresent()) {
        out = JsonDestination.set(out, p.dest(), node(joined(out, p, value.get()), p.src().useRawData(), p.where()),
            p.where());
      }
    }
    return out;
  }

  /**
   * A request body built from {@code payload} parameters, starting from {@code {}}. As in Argo, a parameter
   * with an empty {@code dest} is the whole body, as its text, and ends the building.
   */
  public static String payload(List<TriggerParameter> params, Map<String, CloudEvent> events) {
    JsonNode body = Json.object();
    for (TriggerParameter p : params) {
      Optional<ResolvedValue> value = ParameterResolver.resolve(p.src(), events, p.where());
      if (value.isEmpty()) {
        continue;
      }
      if (p.dest().isEmpty()) {
        return value.get().text();
      }
      body = JsonDestination.set(body, p.dest(), node(value.get(), p.src().useRawData(), p.where()), p.where());
    }
    return Json.string(body);
  }

  private static ResolvedValue joined(JsonNode target, TriggerParameter p, ResolvedValue v) {
    if (p.operation() == ParameterOperation.OVERWRITE || p.dest().isEmpty()) {
      return v;
    }
    JsonNode current = JsonDestination.get(target, p.dest());
    if (current == null) {
      return v;
    }
    String existing = current.isTextual() ? current.asText() : current.toString();
    // joined text is a string, whatever the parts were
    return ResolvedValue.string(p.operation() == ParameterOperation.APPEND ? existing + v.text()
        : v.text() + existing);
  }

  private static JsonNode node(ResolvedValue v, boolean useRawData, String where) {
    if (!useRawData || !v.rawCapable()) {
      return new TextNode(v.text());
    }
    try {
      return Json.MAPPER.readTree(v.text());
    } catch (JsonProcessingException e) {
      throw new ParameterException(where + ".src.useRawData", "the value is not JSON, so it cannot be inserted raw: "
          + abbreviate(v.text()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
