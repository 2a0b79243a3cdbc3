package io.quargo.eventbus.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One write seen by a watch: a put with its value, or a delete (empty value), at its revision. */
public record KvChange(KvOperation operation, String key, byte[] value, long revision) {
  public KvChange {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(key, "key");
    value = value == null ? new byte[0] : value;
  }

  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KvChange c && c.operation == operation && c.revision == revision && c.key.equals(key)
        && Arrays.equals(c.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, key, revision, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return "KvChange{" + operation + " " + key + "@" + revision + ", " + value.length + " bytes}";
  }
}
