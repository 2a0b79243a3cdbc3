package io.quargo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;

/**
 * One line of an Argo Server stream. grpc-gateway writes newline-delimited {"result":..} objects; with
 * Accept: text/event-stream the server writes SSE, "data: {...}" lines with blank separators. Both are read.
 */
final class StreamLines {
  private StreamLines() {}

  /** A line that does not parse. */
  static final class NotJson extends CliException {
    NotJson(String message) {
      super(message);
    }
  }

  /** The {@code result} of the line, or null for keep-alives, SSE comments and blank lines. */
  static JsonNode result(String line, String path) {
    String text = line.strip();
    if (text.startsWith("data:")) {
      text = text.substring(5).strip();
    } else if (text.isEmpty() || text.startsWith(":") || text.startsWith("event:") || text.startsWith("id:")
        || text.startsWith("retry:")) {
      return null;
    }
    if (text.isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new NotJson("the stream " + path + " sent a line that is not JSON: " + abbreviate(text));
    }
    if (node.has("error") && !node.get("error").isNull()) {
      throw new CliException("the stream " + path + " ended with an error: "
          + ArgoClient.errorMessage(Json.bytes(node.get("error"))));
    }
    return node.has("result") ? node.get("result") : node;
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
