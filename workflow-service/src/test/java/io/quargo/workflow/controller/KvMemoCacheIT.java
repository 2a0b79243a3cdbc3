package io.quargo.workflow.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import io.quargo.workflow.engine.MemoCache;
import io.quargo.workflow.engine.MemoCacheContract;
import io.quargo.workflow.engine.MemoEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The controller's KV cache passes the shared contract against a real nats-server, and outlives its client. */
@ExtendWith(NatsServerExtension.class)
class KvMemoCacheIT extends MemoCacheContract {
  private BusConnection bus;
  private String bucket;

  @BeforeEach
  void connect(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    bucket = "memo-" + System.nanoTime();
    new Topology(bus).ensureKv(KvSpec.of(bucket));
  }

  @AfterEach
  void close() {
    bus.close();
  }

  @Override
  protected MemoCache cache() {
    return new KvMemoCache(KvBucket.open(bus, bucket));
  }

  @Test
  void entriesAreStoredAsArgoWritesThemAndSurviveANewConnection(NatsTestServer nats) {
    String namespace = "restart-" + System.nanoTime();
    KvMemoCache.ensure(bus).put(namespace, "cache.config", "cache-key",
        new MemoEntry("memoized-hdckj", outputs("different world"), T0, T0));
    byte[] raw = KvBucket.open(bus, KvMemoCache.BUCKET).get(namespace + ".cache=2econfig.cache-key").orElseThrow()
        .value();
    assertThat(Json.parse(raw).toString()).isEqualTo("{\"nodeID\":\"memoized-hdckj\","
        + "\"outputs\":{\"result\":\"different world\",\"exitCode\":\"0\",\"parameters\":[{\"name\":\"hello\","
        + "\"value\":\"different world\",\"valueFrom\":{\"path\":\"/tmp/hello_world.txt\"}}]},"
        + "\"creationTimestamp\":\"2026-03-01T10:00:00Z\",\"lastHitTimestamp\":\"2026-03-01T10:00:00Z\"}");
    try (BusConnection again = BusConnection.connect(BusConfig.of(nats.url()))) {
      MemoEntry e = KvMemoCache.ensure(again).get(namespace, "cache.config", "cache-key", T0.plusSeconds(9))
          .orElseThrow();
      assertThat(e.outputs().path("result").asText()).isEqualTo("different world");
      assertThat(e.lastHitTimestamp()).isEqualTo(T0.plusSeconds(9));
    }
  }

  @Test
  void keysEscapeWhatKvDoesNotAllowWithoutCollisions() {
    assertThat(KvMemoCache.kvKey("default", "my.cache", "k-1")).isEqualTo("default.my=2ecache.k-1");
    assertThat(KvMemoCache.kvKey("default", "my=2ecache", "k-1")).isEqualTo("default.my=3d2ecache.k-1");
    assertThat(KvMemoCache.kvKey("default", "c", "")).isEqualTo("default.c.=");
  }
}
