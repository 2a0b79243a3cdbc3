package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.gjson.GjsonPathException;
import io.quargo.core.gjson.GjsonResult;
import io.quargo.core.template.Template;
import io.quargo.core.template.TemplateException;
import io.quargo.sensor.spec.ParameterSource;
import java.util.Map;
import java.util.Optional;

/**
 * Argo's {@code ResolveParamValue}: with the dependency's event, a context template, then context key, then data
 * template, then data key; the first that yields wins, else {@code value} as the default. With no key nor template
 * the value is {@code value}, or the whole event. Without the event (an {@code ||} branch not taken) the value is
 * {@code value}, or nothing and the parameter is skipped.
 */
final class ParameterResolver {
  private ParameterResolver() {}

  static Optional<ResolvedValue> resolve(ParameterSource src, Map<String, CloudEvent> events, String where) {
    CloudEvent event = events.get(src.dependencyName());
    if (event == null) {
      return Optional.ofNullable(src.value()).map(v -> new ResolvedValue(v, src.useRawData()));
    }
    boolean noKeys = src.contextKey().isEmpty() && src.contextTemplate() == null && src.dataKey().isEmpty()
        && src.dataTemplate() == null;
    if (noKeys) {
      return Optional.of(src.value() != null ? new ResolvedValue(src.value(), src.useRawData())
          : new ResolvedValue(Json.string(EventJson.whole(event)), src.useRawData()));
    }
    Optional<ResolvedValue> found = fromJson(src.contextTemplate(), src.contextKey(), EventJson.context(event), src,
        where + ".src.contextKey");
    if (found.isEmpty()) {
      found = fromJson(src.dataTemplate(), src.dataKey(), EventJson.data(event), src, where + ".src.dataKey");
    }
    if (found.isEmpty() && src.value() != null) {
      found = Optional.of(new ResolvedValue(src.value(), src.useRawData()));
    }
    if (found.isEmpty()) {
      throw new ParameterException(where, "unable to resolve a value from dependency '" + src.dependencyName()
          + "': " + describe(src) + " found nothing in event " + event.id() + " and no src.value default is set");
    }
    return found;
  }

  private static Optional<ResolvedValue> fromJson(Template template, String key, JsonNode json, ParameterSource src,
      String keyWhere) {
    if (template != null) {
      try {
        return Optional.of(new ResolvedValue(template.execute(Map.of("Input", json)), src.useRawData()));
      } catch (TemplateException e) {
        // as Argo: a failing template falls through to the key, then to the default
      }
    }
    if (!key.isEmpty()) {
      GjsonResult res;
      try {
        res = GjsonPath.compile(key).get(json);
      } catch (GjsonPathException e) {
        throw new ParameterException(keyWhere, "invalid gjson path: " + e.getMessage());
      }
      if (res.exists()) {
        return Optional.of(ResolvedValue.of(res.node(), src.useRawData()));
      }
    }
    return Optional.empty();
  }

  private static String describe(ParameterSource src) {
    StringBuilder b = new StringBuilder();
    if (src.contextTemplate() != null) b.append("contextTemplate, ");
    if (!src.contextKey().isEmpty()) b.append("contextKey '").append(src.contextKey()).append("', ");
    if (src.dataTemplate() != null) b.append("dataTemplate, ");
    if (!src.dataKey().isEmpty()) b.append("dataKey '").append(src.dataKey()).append("', ");
    return b.substring(0, b.length() - 2);
  }
}
