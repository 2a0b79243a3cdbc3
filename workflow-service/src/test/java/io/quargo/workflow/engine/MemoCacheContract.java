package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link MemoCache} does; each implementation's test extends this with its own cache. */
public abstract class MemoCacheContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A cache with no entries; a new one per test. */
  protected abstract MemoCache cache();

  protected static ObjectNode outputs(String result) {
    ObjectNode o = Json.MAPPER.createObjectNode().put("result", result).put("exitCode", "0");
    o.putArray("parameters").addObject().put("name", "hello").put("value", result)
        .putObject("valueFrom").put("path", "/tmp/hello_world.txt");
    return o;
  }

  @Test
  void anAbsentKeyIsEmpty() {
    assertThat(cache().get("default", "cache-config", "nothing-here", T0)).isEmpty();
  }

  @Test
  void aStoredEntryComesBackWithItsOutputsAndTheHitTime() {
    MemoCache cache = cache();
    cache.put("default", "cache-config", "cache-key", new MemoEntry("memoized-hdckj", outputs("world"), T0, T0));
    MemoEntry hit = cache.get("default", "cache-config", "cache-key", T0.plusSeconds(30)).orElseThrow();
    assertThat(hit.nodeId()).isEqualTo("memoized-hdckj");
    assertThat(hit.outputs()).isEqualTo(outputs("world"));
    assertThat(hit.creationTimestamp()).isEqualTo(T0);
    assertThat(hit.lastHitTimestamp()).isEqualTo(T0.plusSeconds(30));
    // the hit time is remembered
    assertThat(cache.get("default", "cache-config", "cache-key", T0.plusSeconds(60)).orElseThrow()
        .creationTimestamp()).isEqualTo(T0);
  }

  @Test
  void aPutReplacesTheEntry() {
    MemoCache cache = cache();
    cache.put("default", "c", "k", new MemoEntry("one", outputs("1"), T0, T0));
    cache.put("default", "c", "k", new MemoEntry("two", outputs("2"), T0.plusSeconds(5), T0.plusSeconds(5)));
    MemoEntry e = cache.get("default", "c", "k", T0.plusSeconds(6)).orElseThrow();
    assertThat(e.nodeId()).isEqualTo("two");
    assertThat(e.outputs().path("result").asText()).isEqualTo("2");
    assertThat(e.creationTimestamp()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void namespacesAndCacheNamesKeepEntriesApart() {
    MemoCache cache = cache();
    cache.put("team-a", "my.cache", "k", new MemoEntry("a", null, T0, T0));
    cache.put("team-b", "my.cache", "k", new MemoEntry("b", null, T0, T0));
    cache.put("team-a", "my_cache", "k", new MemoEntry("c", null, T0, T0));
    assertThat(cache.get("team-a", "my.cache", "k", T0).orElseThrow().nodeId()).isEqualTo("a");
    assertThat(cache.get("team-b", "my.cache", "k", T0).orElseThrow().nodeId()).isEqualTo("b");
    assertThat(cache.get("team-a", "my_cache", "k", T0).orElseThrow().nodeId()).isEqualTo("c");
    assertThat(cache.get("team-a", "my.cache", "other", T0)).isEmpty();
    assertThat(cache.get("team-a", "my.cache", "k", T0).orElseThrow().outputs()).isNull();
  }
}
