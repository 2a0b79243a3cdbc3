package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.gjson.GjsonResult;
import io.quargo.core.template.Template;
import io.quargo.core.template.TemplateException;
import io.quargo.sensor.spec.ParameterSource;
import java.util.Map;
import java.util.Optional;

/**
 * Argo's {@code ResolveParamValue}: with the dependency's event, the data part when {@code dataKey} or
 * {@code dataTemplate} is set, else the context part; within it the template first, then the key, then
 * {@code value} as the default. With no key nor template the value is {@code value}, or the whole event. Without
 * the event (an {@code ||} branch not taken) the value is {@code value}, or nothing and the parameter is skipped.
 */
final class ParameterResolver {
  private ParameterResolver() {}

  static Optional<ResolvedValue> resolve(ParameterSource src, Map<String, CloudEvent> events, String where) {
    CloudEvent event = events.get(src.dependencyName());
    if (event == null) {
      return Optional.ofNullable(src.value()).map(ResolvedValue::string);
    }
    boolean useData = !src.dataKey().isEmpty() || src.dataTemplate() != null;
    boolean useContext = !src.contextKey().isEmpty() || src.contextTemplate() != null;
    if (!useData && !useContext) {
      return Optional.of(ResolvedValue.string(src.value() != null ? src.value()
          : Json.string(EventJson.whole(event))));
    }
    Optional<ResolvedValue> found = useData
        ? fromJson(src.dataTemplate(), src.dataKey(), EventJson.data(event))
        : fromJson(src.contextTemplate(), src.contextKey(), EventJson.context(event));
    if (found.isEmpty() && src.value() != null) {
      found = Optional.of(ResolvedValue.string(src.value()));
    }
    if (found.isEmpty()) {
      throw new ParameterException(where, "unable to resolve a value from dependency '" + src.dependencyName()
          + "': " + describe(src, useData) + " found nothing in event " + event.id()
          + " and no src.value default is set");
    }
    return found;
  }

  private static Optional<ResolvedValue> fromJson(Template template, String key, JsonNode json) {
    if (template != null) {
      try {
        String out = template.execute(Map.of("Input", json));
        // as Argo: an empty or <no value> result, like a failing template, falls through to the key
        if (!out.isEmpty() && !out.equals("<no value>")) {
          return Optional.of(ResolvedValue.string(out));
        }
      } catch (TemplateException e) {
        // falls through to the key, then to the default
      }
    }
    if (!key.isEmpty()) {
      GjsonResult res = GjsonPath.compile(key).get(json);
      if (res.exists()) {
        return Optional.of(ResolvedValue.byKey(res.node()));
      }
    }
    return Optional.empty();
  }

  private static String describe(ParameterSource src, boolean useData) {
    Template template = useData ? src.dataTemplate() : src.contextTemplate();
    String key = useData ? src.dataKey() : src.contextKey();
    String prefix = useData ? "data" : "context";
    if (template != null && !key.isEmpty()) {
      return prefix + "Template and " + prefix + "Key '" + key + "'";
    }
    return template != null ? prefix + "Template" : prefix + "Key '" + key + "'";
  }
}
