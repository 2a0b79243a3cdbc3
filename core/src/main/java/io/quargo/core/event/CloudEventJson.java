package io.quargo.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudEvents 1.0 structured JSON, written as the CloudEvents Go SDK (and so Argo Events) writes it: keys in
 * the order {@code specversion, id, source, type, subject, datacontenttype, dataschema, time, data} then the
 * extensions by name; {@code time} in Go's RFC3339Nano. Decoding accepts {@code data} or {@code data_base64}.
 *
 * <p>Argo's sources hand the SDK raw bytes, so Argo itself puts JSON data on the bus as {@code data_base64};
 * {@link DataEncoding#BASE64} writes that form, {@link DataEncoding#JSON} (the default) embeds the JSON.
 * Decoding turns base64 JSON data back into a tree, so both forms decode to the same event.
 */
public final class CloudEventJson {

  /** How JSON data is written; bytes that are not JSON always go as {@code data_base64}. */
  public enum DataEncoding { JSON, BASE64 }

  private static final String DATASCHEMA = "dataschema";

  private CloudEventJson() {}

  public static byte[] encode(CloudEvent event) {
    return Json.bytes(toTree(event, DataEncoding.JSON));
  }

  public static byte[] encode(CloudEvent event, DataEncoding encoding) {
    return Json.bytes(toTree(event, encoding));
  }

  public static String encodeToString(CloudEvent event) {
    return Json.string(toTree(event, DataEncoding.JSON));
  }

  /** The structured JSON as a tree whose key order is the one written. */
  public static ObjectNode toTree(CloudEvent event, DataEncoding encoding) {
    ObjectNode out = Json.object();
    out.put("specversion", event.specversion());
    out.put("id", event.id());
    out.put("source", event.source());
    out.put("type", event.type());
    putIfPresent(out, "subject", event.subject());
    putIfPresent(out, "datacontenttype", event.datacontenttype());
    Map<String, JsonNode> extensions = new TreeMap<>(event.extensions());
    JsonNode dataschema = extensions.remove(DATASCHEMA);
    if (dataschema != null) {
      out.set(DATASCHEMA, dataschema);
    }
    if (event.time() != null) {
      out.put("time", Rfc3339.format(event.time()));
    }
    writeData(out, event, encoding);
    extensions.forEach(out::set);
    return out;
  }

  /** The bytes of {@code data}: the JSON text, the plain string for a non-JSON type, or the binary bytes. */
  public static byte[] dataBytes(CloudEvent event) {
    JsonNode data = event.data();
    if (data == null) {
      return new byte[0];
    }
    if (data.isBinary()) {
      return ((BinaryNode) data).binaryValue();
    }
    if (data.isTextual() && !isJson(event.datacontenttype())) {
      return data.textValue().getBytes(StandardCharsets.UTF_8);
    }
    return Json.bytes(data);
  }

  public static CloudEvent decode(byte[] json) {
    JsonNode tree;
    try {
      tree = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new InvalidCloudEventException(null, "CloudEvent is not valid JSON: " + e.getMessage(), e);
    }
    return decode(tree);
  }

  /** Decodes a structured event; a missing or ill-typed attribute is an error naming that attribute. */
  public static CloudEvent decode(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new InvalidCloudEventException(null, "CloudEvent must be a JSON object, got "
          + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    String specversion = requiredString(tree, "specversion");
    if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
      throw new InvalidCloudEventException("specversion", "CloudEvent specversion '" + specversion
          + "' is not supported; only " + CloudEvent.SPEC_VERSION + " is");
    }
    String id = requiredString(tree, "id");
    String source = requiredString(tree, "source");
    String type = requiredString(tree, "type");
    String contentType = optionalString(tree, "datacontenttype");
    return new CloudEvent(id, source, specversion, type, optionalString(tree, "subject"), time(tree),
        contentType, data(tree, contentType), extensions(tree));
  }

  private static void writeData(ObjectNode out, CloudEvent event, DataEncoding encoding) {
    JsonNode data = event.data();
    if (data == null) {
      return;
    }
    boolean json = isJson(event.datacontenttype());
    if (data.isBinary() || (encoding == DataEncoding.BASE64 && (json || data.isTextual()))) {
      out.put("data_base64", Base64.getEncoder().encodeToString(dataBytes(event)));
    } else {
      out.set("data", data);
    }
  }

  private static JsonNode data(JsonNode tree, String contentType) {
    JsonNode data = tree.get("data");
    JsonNode base64 = tree.get("data_base64");
    if (data != null && base64 != null) {
      throw new InvalidCloudEventException("data_base64", "CloudEvent has both 'data' and 'data_base64'; keep one");
    }
    if (base64 == null) {
      return data == null || data.isNull() ? null : data;
    }
    if (!base64.isTextual()) {
      throw new InvalidCloudEventException("data_base64", "CloudEvent attribute 'data_base64' must be a string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.textValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidCloudEventException("data_base64", "CloudEvent 'data_base64' is not base64: " + e.getMessage(), e);
    }
    return isJson(contentType) ? jsonOrBinary(bytes) : BinaryNode.valueOf(bytes);
  }

  /** JSON bytes become a tree, so Argo's base64 data reads like embedded data; anything else stays bytes. */
  private static JsonNode jsonOrBinary(byte[] bytes) {
    if (bytes.length == 0) {
      return BinaryNode.valueOf(bytes);
    }
    try {
      return Json.parse(bytes);
    } catch (IllegalArgumentException notJson) {
      return BinaryNode.valueOf(bytes);
    }
  }

  private static Instant time(JsonNode tree) {
    String text = optionalString(tree, "time");
    if (text == null) {
      return null;
    }
    try {
      return Rfc3339.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidCloudEventException("time", "CloudEvent attribute 'time': " + e.getMessage(), e);
    }
  }

  private static Map<String, JsonNode> extensions(JsonNode tree) {
    Map<String, JsonNode> extensions = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!CloudEvent.RESERVED.contains(field.getKey())) {
        extensions.put(field.getKey(), field.getValue());
      }
    }
    return extensions;
  }

  private static void putIfPresent(ObjectNode out, String attribute, String value) {
    if (value != null) {
      out.put(attribute, value);
    }
  }

  private static String requiredString(JsonNode tree, String attribute) {
    JsonNode node = tree.get(attribute);
    if (node == null || node.isNull()) {
      throw new InvalidCloudEventException(attribute, "CloudEvent is missing the required attribute '" + attribute + "'");
    }
    return string(attribute, node);
  }

  private static String optionalString(JsonNode tree, String attribute) {
    JsonNode node = tree.get(attribute);
    return node == null || node.isNull() ? null : string(attribute, node);
  }

  private static String string(String attribute, JsonNode node) {
    if (node.getNodeType() != JsonNodeType.STRING) {
      throw new InvalidCloudEventException(attribute, "CloudEvent attribute '" + attribute + "' must be a string, got "
          + node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + node);
    }
    return node.textValue();
  }

  /** As the Go SDK decides: no type, application/json or text/json; plus any {@code +json} type. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return media.isEmpty() || media.equals(CloudEvent.APPLICATION_JSON) || media.equals("text/json")
        || media.endsWith("+json");
  }
}
