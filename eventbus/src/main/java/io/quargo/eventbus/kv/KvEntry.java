package io.quargo.eventbus.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The current value of a key. The revision is the bucket stream's sequence of the write, so it grows with
 * every write to any key of the bucket; pass it to {@link KvBucket#update} for compare-and-set.
 */
public record KvEntry(String key, byte[] value, long revision) {
  public KvEntry {
    Objects.requireNonNull(key, "key");
    value = value == null ? new byte[0] : value;
  }

  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KvEntry e && e.revision == revision && e.key.equals(key) && Arrays.equals(e.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, revision, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return "KvEntry{key=" + key + ", revision=" + revision + ", " + value.length + " bytes}";
  }
}
