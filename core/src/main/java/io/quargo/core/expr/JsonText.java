package io.quargo.core.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.core.text.GoJsonStrings;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's encoding/json writes it — map keys sorted, {@code <>&} escaped, floats in Go's
 * shortest form — and JSON read as Go's json.Unmarshal into {@code any} does: every number a float.
 */
final class JsonText {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {}

  /** {@code indent} is "" for compact output (Argo's toJson) or "  " (expr's toJSON). */
  static String encode(Object v, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, Values.of(v), indent, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, String indent, int depth) {
    if (depth > GoFormat.MAX_VALUE_DEPTH) {
      throw new EvalFailure("json: value nested too deeply");
    }
    if (sb.length() > GoFormat.MAX_OUTPUT) {
      throw new EvalFailure("json: value too large (over " + GoFormat.MAX_OUTPUT + " characters)");
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(GoFloat.formatJson(d));
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof List<?> list) {
      writeList(sb, list, indent, depth);
    } else if (v instanceof Map<?, ?> map) {
      writeMap(sb, map, indent, depth);
    } else if (v instanceof Duration d) {
      sb.append(d.toNanos());
    } else if (v instanceof ZonedDateTime t) {
      quote(sb, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else {
      throw new EvalFailure("json: unsupported type: " + Values.typeName(v));
    }
  }

  private static void writeList(StringBuilder sb, List<?> list, String indent, int depth) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      sb.append(i > 0 ? "," : "");
      newline(sb, indent, depth + 1);
      write(sb, Values.at(list, i), indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append(']');
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> map, String indent, int depth) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : GoFormat.sorted(map).entrySet()) {
      sb.append(first ? "" : ",");
      first = false;
      newline(sb, indent, depth + 1);
      quote(sb, e.getKey());
      sb.append(indent.isEmpty() ? ":" : ": ");
      write(sb, e.getValue(), indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append('}');
  }

  private static void newline(StringBuilder sb, String indent, int depth) {
    if (!indent.isEmpty()) {
      sb.append('\n').append(indent.repeat(depth));
    }
  }

  static void quote(StringBuilder sb, String s) {
    GoJsonStrings.quote(sb, s, true);
  }

  /** Parses JSON text into the value model with Go's number rule (all numbers are floats). */
  static Object decode(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new EvalFailure("invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new EvalFailure("invalid JSON: unexpected end of JSON input");
    }
    return fromTree(node, 0);
  }

  private static Object fromTree(JsonNode n, int depth) {
    if (depth > GoFormat.MAX_VALUE_DEPTH) {
      throw new EvalFailure("invalid JSON: nested too deeply");
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      for (JsonNode item : n) {
        out.add(fromTree(item, depth + 1));
      }
      return out;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), fromTree(e.getValue(), depth + 1)));
      return out;
    }
    return Values.of(n);
  }
}
