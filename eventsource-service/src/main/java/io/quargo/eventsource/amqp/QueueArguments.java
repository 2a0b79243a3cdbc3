package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spec.EventSourceSpecException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code queueDeclare.arguments}: Argo reads a YAML table from a string into an AMQP table. We read the flat form
 * every RabbitMQ queue argument takes ({@code key: value} per line, values integers, booleans or strings, quoted
 * or not); nested YAML is refused with the line at fault.
 */
final class QueueArguments {
  private static final Pattern ENTRY = Pattern.compile("([^\\s:#][^:]*?)\\s*:\\s*(.*?)\\s*");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

  private QueueArguments() {}

  static Map<String, Object> parse(String table, String path) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    String[] lines = table.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]);
      if (line.isBlank()) {
        continue;
      }
      Matcher m = ENTRY.matcher(line);
      if (line.startsWith(" ") || line.startsWith("\t") || !m.matches() || m.group(2).isEmpty()) {
        throw new EventSourceSpecException(path, "line " + (i + 1) + " '" + lines[i].strip()
            + "' is not a 'key: value' entry (only flat tables are supported)");
      }
      arguments.put(unquote(m.group(1)), value(m.group(2)));
    }
    return Map.copyOf(arguments);
  }

  private static Object value(String text) {
    if (INTEGER.matcher(text).matches()) {
      long n = Long.parseLong(text);
      return n == (int) n ? (Object) (int) n : (Object) n;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    return unquote(text);
  }

  private static String unquote(String text) {
    if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  private static String stripComment(String line) {
    int hash = line.indexOf(" #");
    String kept = line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line;
    return kept.stripTrailing();
  }
}
