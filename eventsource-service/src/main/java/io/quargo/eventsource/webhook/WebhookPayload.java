package io.quargo.eventsource.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code data} of a webhook event as Argo builds it: {@code {"header": {Name: [values]}, "body": ...,
 * "metadata": {...}}}. GET requests carry their query parameters as the body and urlencoded forms their
 * fields (both {@code {name: [values]}}); any other body is embedded as JSON and must be valid JSON.
 */
public final class WebhookPayload {
  static final String MASKED_AUTH = "*** Masked Auth Secret ***";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WebhookPayload() {}

  /** The body was not JSON; Argo answers 400. */
  public static final class InvalidBodyException extends Exception {
    InvalidBodyException(String message) {
      super(message);
    }
  }

  /**
   * @param headers the request headers in arrival order; names are canonicalized as Go does, {@code Host}
   *     is left out (Go moves it out of the header map) and {@code Authorization} is masked
   * @param rawQuery the query string without {@code ?}, or null
   */
  public static ObjectNode build(String method, List<Map.Entry<String, String>> headers, String rawQuery,
      byte[] body, Map<String, String> metadata) throws InvalidBodyException {
    ObjectNode data = NODES.objectNode();
    data.set("header", header(headers));
    data.set("body", body(method, contentType(headers), rawQuery, body));
    if (metadata.isEmpty()) {
      data.putNull("metadata"); // Go marshals a nil map as null
    } else {
      ObjectNode meta = data.putObject("metadata");
      metadata.forEach(meta::put);
    }
    return data;
  }

  /**
   * The headers as Go's {@code http.Header}: {@code {Canonical-Name: [values]}}, without {@code Host} and
   * with {@code Authorization} masked.
   */
  public static ObjectNode header(List<Map.Entry<String, String>> headers) {
    ObjectNode header = NODES.objectNode();
    for (Map.Entry<String, String> h : headers) {
      String name = canonical(h.getKey());
      if (name.equals("Host")) {
        continue;
      }
      String value = name.equals("Authorization") ? MASKED_AUTH : h.getValue();
      ArrayNode values = header.has(name) ? (ArrayNode) header.get(name) : header.putArray(name);
      if (name.equals("Authorization")) {
        values.removeAll(); // Argo's Header.Set leaves one masked value
      }
      values.add(value);
    }
    return header;
  }

  private static JsonNode body(String method, String contentType, String rawQuery, byte[] body)
      throws InvalidBodyException {
    if (method.equals("GET")) {
      return form(rawQuery);
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return form(new String(body, StandardCharsets.UTF_8));
    }
    if (body.length == 0) {
      return NODES.nullNode(); // an empty json.RawMessage marshals as null
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidBodyException("the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidBodyException("the request body could not be read: " + e.getMessage());
    }
  }

  /** {@code a=1&a=2&b} as Go's {@code url.ParseQuery}: {@code {"a": ["1","2"], "b": [""]}}. */
  public static ObjectNode form(String encoded) {
    ObjectNode values = NODES.objectNode();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      ArrayNode list = values.has(name) ? (ArrayNode) values.get(name) : values.putArray(name);
      list.add(value);
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // Go drops a malformed pair; keeping it raw loses nothing
    }
  }

  private static String contentType(List<Map.Entry<String, String>> headers) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        return h.getValue();
      }
    }
    return null;
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code content-type} becomes {@code Content-Type}. */
  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ' || c > 127) {
        return name; // Go leaves names with spaces or non-ASCII as they are
      }
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }
}
