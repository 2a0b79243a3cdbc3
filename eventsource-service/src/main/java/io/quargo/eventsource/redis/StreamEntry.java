package io.quargo.eventsource.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One stream entry of an XREADGROUP reply: stream, entry id and its field/value pairs. */
record StreamEntry(String stream, String id, Map<String, String> values) {

  /**
   * Flattens {@code [[stream, [[id, [field, value, ...]], ...]], ...]} (or nil when BLOCK timed out). A pending
   * entry deleted from the stream since comes with nil fields and has no values.
   */
  static List<StreamEntry> parse(Object reply) {
    List<StreamEntry> entries = new ArrayList<>();
    if (!(reply instanceof List<?> streams)) {
      return entries;
    }
    for (Object s : streams) {
      List<?> stream = (List<?>) s;
      String name = (String) stream.get(0);
      for (Object e : (List<?>) stream.get(1)) {
        List<?> entry = (List<?>) e;
        Map<String, String> values = new LinkedHashMap<>();
        if (entry.get(1) instanceof List<?> fields) {
          for (int i = 0; i + 1 < fields.size(); i += 2) {
            values.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
          }
        }
        entries.add(new StreamEntry(name, (String) entry.get(0), values));
      }
    }
    return entries;
  }
}
