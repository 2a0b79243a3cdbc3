package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.List;

/** Expands a step's or task's {@code withItems}, {@code withParam} or {@code withSequence}. */
final class Loops {
  private Loops() {}

  static boolean loops(JsonNode call) {
    return call.has("withItems") || call.has("withParam") || call.has("withSequence");
  }

  /** The items, after the call was substituted; {@link EngineException} with Argo's message on a bad list. */
  static List<LoopItem> items(JsonNode call) {
    List<LoopItem> items = new ArrayList<>();
    if (call.has("withItems")) {
      JsonNode list = call.get("withItems");
      for (int i = 0; i < list.size(); i++) {
        items.add(new LoopItem(i, list.get(i)));
      }
    } else if (call.has("withParam")) {
      String text = call.get("withParam").asText();
      JsonNode list;
      try {
        list = Json.MAPPER.readTree(text);
      } catch (Exception e) {
        list = null;
      }
      if (list == null || !list.isArray()) {
        throw new EngineException("withParam value could not be parsed as a JSON list: " + text);
      }
      for (int i = 0; i < list.size(); i++) {
        items.add(new LoopItem(i, list.get(i)));
      }
    } else if (call.has("withSequence")) {
      sequence(call.get("withSequence"), items);
    }
    return items;
  }

  private static void sequence(JsonNode seq, List<LoopItem> items) {
    long start = number(seq, "start", 0);
    long end;
    if (seq.has("count")) {
      long count = number(seq, "count", 0);
      if (count == 0) {
        return;
      }
      end = start + count - 1;
    } else {
      end = number(seq, "end", 0);
    }
    String format = seq.path("format").asText("");
    int index = 0;
    long step = start <= end ? 1 : -1;
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      String text = format.isEmpty() ? Long.toString(v) : io.quargo.core.sprig.GoFmt.sprintf(format, List.of(v));
      items.add(new LoopItem(index++, TextNode.valueOf(text)));
    }
  }

  private static long number(JsonNode seq, String field, long fallback) {
    JsonNode v = seq.get(field);
    if (v == null || v.asText().isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.asText().trim());
    } catch (NumberFormatException e) {
      throw new EngineException("withSequence." + field + " must be an integer, got '" + v.asText() + "'");
    }
  }
}
