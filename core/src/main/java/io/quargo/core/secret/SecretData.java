package io.quargo.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * A v1 Secret's {@code data} as Kubernetes keeps it: base64 values, with {@code stringData} merged in on write
 * (a {@code stringData} key wins over the same {@code data} key) and never stored itself.
 */
public final class SecretData {
  private SecretData() {}

  /**
   * The Secret as it is stored: {@code stringData} encoded into {@code data}, every {@code data} value checked.
   *
   * @param field where the Secret sits in the request, for messages ({@code secret})
   * @throws IllegalArgumentException naming {@code <field>.data.<key>} and how to fix it
   */
  public static ObjectNode admit(ObjectNode secret, String field) {
    ObjectNode out = secret.deepCopy();
    JsonNode data = out.get("data");
    if (data != null && !data.isNull() && !data.isObject()) {
      throw new IllegalArgumentException(field + ".data must be a map of key: base64 value");
    }
    ObjectNode merged = out.putObject("data");
    if (data != null && data.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        merged.put(e.getKey(), checkedBase64(e.getValue(), field + ".data." + e.getKey()));
      }
    }
    JsonNode strings = out.remove("stringData");
    if (strings != null && !strings.isNull()) {
      if (!strings.isObject()) {
        throw new IllegalArgumentException(field + ".stringData must be a map of key: text value");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = strings.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw new IllegalArgumentException(field + ".stringData." + e.getKey() + " must be a text value");
        }
        merged.put(e.getKey(), encode(e.getValue().asText()));
      }
    }
    return out;
  }

  /**
   * The Secret without its values: {@code data} keeps its keys, each mapped to null. Re-applying such a copy is
   * refused by {@link #admit} (null is not base64), so a round trip never wipes a value silently.
   */
  public static ObjectNode redact(JsonNode secret) {
    ObjectNode out = ((ObjectNode) secret).deepCopy();
    out.remove("stringData");
    JsonNode data = out.get("data");
    if (data != null && data.isObject()) {
      ObjectNode keys = out.putObject("data");
      data.fieldNames().forEachRemaining(keys::putNull);
    }
    return out;
  }

  /** The decoded text of {@code key}, or null when the Secret has no such key (or it does not decode). */
  public static String value(JsonNode secret, String key) {
    JsonNode strings = secret.path("stringData");
    if (strings.path(key).isValueNode() && !strings.path(key).isNull()) {
      return strings.get(key).asText(); // a Secret written past admit(): Kubernetes would have merged it
    }
    JsonNode value = secret.path("data").path(key);
    if (!value.isTextual()) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String checkedBase64(JsonNode value, String path) {
    if (value.isNull()) {
      throw new IllegalArgumentException(path + " has no value (the API never returns secret values): give the "
          + "value base64-encoded, or as text under stringData");
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(path + " must be a base64 string, got " + value.getNodeType()
          .toString().toLowerCase() + ": quote it, or put the text under stringData");
    }
    try {
      Base64.getDecoder().decode(value.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " is not valid base64 (" + e.getMessage()
          + "): encode it (base64 -w0) or put the plain text under stringData");
    }
    return value.asText();
  }
}
