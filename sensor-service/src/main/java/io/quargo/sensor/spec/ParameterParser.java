package io.quargo.sensor.spec;

import static io.quargo.sensor.spec.SpecReader.object;
import static io.quargo.sensor.spec.SpecReader.requireObject;
import static io.quargo.sensor.spec.SpecReader.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one {@code TriggerParameter}: {@code src}, {@code dest}, {@code operation}. */
final class ParameterParser {
  private ParameterParser() {}

  static TriggerParameter parameter(JsonNode node, String path) {
    requireObject(node, path);
    JsonNode src = object(node, "src", path);
    if (src == null) {
      throw new SensorSpecException(path + ".src", "is required: {dependencyName: ..., dataKey: ...}");
    }
    String spath = path + ".src";
    String dataTemplate = text(src, "dataTemplate", spath);
    String contextTemplate = text(src, "contextTemplate", spath);
    JsonNode value = src.get("value");
    String dataKey = text(src, "dataKey", spath);
    String contextKey = text(src, "contextKey", spath);
    if (!dataKey.isEmpty()) {
      FilterParser.gjson(dataKey, spath + ".dataKey");
    }
    if (!contextKey.isEmpty()) {
      FilterParser.gjson(contextKey, spath + ".contextKey");
    }
    ParameterSource source = new ParameterSource(
        SpecReader.requiredText(src, "dependencyName", spath),
        dataKey,
        dataTemplate.isEmpty() ? null : FilterParser.template(dataTemplate, spath + ".dataTemplate"),
        contextKey,
        contextTemplate.isEmpty() ? null : FilterParser.template(contextTemplate, spath + ".contextTemplate"),
        value == null || value.isNull() ? null : SpecReader.scalar(value, spath + ".value"),
        SpecReader.bool(src, "useRawData", spath));
    return new TriggerParameter(path, source, text(node, "dest", path),
        ParameterOperation.parse(text(node, "operation", path), path + ".operation"));
  }
}
