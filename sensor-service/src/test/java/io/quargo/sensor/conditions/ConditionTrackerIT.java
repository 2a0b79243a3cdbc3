package io.quargo.sensor.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas, each with its own connection, feed one Sensor's conditions through one real KV bucket. */
@ExtendWith(NatsServerExtension.class)
class ConditionTrackerIT {
  private static final Sensor SENSOR = Yaml.sensor("""
      dependencies:
        - {name: dep-a, eventSourceName: es, eventName: a}
        - {name: dep-b, eventSourceName: es, eventName: b}
      triggers:
        - template: {name: both, conditions: "dep-a && dep-b", log: {}}
      """);
  private static final Trigger BOTH = SENSOR.triggers().get(0);
  private static final int ROUNDS = 60;

  @Test
  void racingReplicasFireEachRoundExactlyOnceAndLoseNoDependency(NatsTestServer nats) throws Exception {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    try (BusConnection one = BusConnection.connect(config); BusConnection two = BusConnection.connect(config)) {
      new Topology(one).ensureKv(KvSpec.of("race-sensor-state"));
      ConditionTracker r1 = new ConditionTracker(KvBucket.open(one, "race-sensor-state"), SENSOR, Clock.systemUTC());
      ConditionTracker r2 = new ConditionTracker(KvBucket.open(two, "race-sensor-state"), SENSOR, Clock.systemUTC());
      List<Firing> firings = Collections.synchronizedList(new ArrayList<>());
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          // replica 1 gets a_i, replica 2 gets b_i, at the same moment; each also sees a redelivery of its event
          Future<?> f1 = pool.submit(feed(r1, "dep-a", event("a" + round), start, firings));
          Future<?> f2 = pool.submit(feed(r2, "dep-b", event("b" + round), start, firings));
          f1.get();
          f2.get();
          assertThat(firings).as("round %d", round).hasSize(round + 1);
          Firing last = firings.get(round);
          assertThat(last.events().get("dep-a").id()).isEqualTo("a" + round);
          assertThat(last.events().get("dep-b").id()).isEqualTo("b" + round);
          assertThat(r1.saved(BOTH)).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(firings.stream().map(Firing::executionKey).distinct()).hasSize(ROUNDS);
      // nothing was completed, so a restarted replica finds every firing still pending, oldest first
      assertThat(r2.pending(BOTH)).containsExactlyElementsOf(firings);
      firings.forEach(f -> r1.complete(BOTH, f));
      assertThat(r2.pending(BOTH)).isEmpty();
    }
  }

  @Test
  void aFiringStaysPendingUntilCompletedAndIsNotDecidedTwice(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    try (BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureKv(KvSpec.of("pending-sensor-state"));
      ConditionTracker tracker = new ConditionTracker(KvBucket.open(bus, "pending-sensor-state"), SENSOR,
          Clock.systemUTC());
      assertThat(tracker.onDependency(BOTH, "dep-a", event("a1"))).isEmpty();
      Optional<Firing> fired = tracker.onDependency(BOTH, "dep-b", event("b1"));
      assertThat(fired).isPresent();
      // the crash case: the replica died before the effect; the redelivered events decide nothing new
      assertThat(tracker.onDependency(BOTH, "dep-b", event("b1"))).isEmpty();
      assertThat(tracker.onDependency(BOTH, "dep-a", event("a1"))).isEmpty();
      assertThat(tracker.pending(BOTH)).containsExactly(fired.get());
      tracker.complete(BOTH, fired.get());
      assertThat(tracker.pending(BOTH)).isEmpty();
      assertThat(tracker.saved(BOTH)).isEmpty();
    }
  }

  @Test
  void aTriggerEachDependencyFiresAloneKeepsNoStateAndKeysByTheEvent(NatsTestServer nats) {
    Sensor sensor = Yaml.sensor("""
        dependencies:
          - {name: dep-a, eventSourceName: es, eventName: a}
          - {name: dep-b, eventSourceName: es, eventName: b}
        triggers:
          - template: {name: either, conditions: "dep-a || dep-b", log: {}}
          - template: {name: both, conditions: "dep-a && dep-b", log: {}}
        """);
    Trigger either = sensor.triggers().get(0);
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    try (BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureKv(KvSpec.of("alone-sensor-state"));
      KvBucket bucket = KvBucket.open(bus, "alone-sensor-state");
      ConditionTracker tracker = new ConditionTracker(bucket, sensor, Clock.systemUTC());
      assertThat(tracker.firesAlone(either)).isTrue();
      assertThat(tracker.firesAlone(sensor.triggers().get(1))).isFalse();
      Firing fired = tracker.onDependency(either, "dep-a", event("a1")).orElseThrow();
      assertThat(fired.events()).containsOnlyKeys("dep-a");
      assertThat(fired.executionKey()).isEqualTo(ExecutionKey.of("ns", sensor.name(), "either",
          Map.of("dep-a", event("a1"))));
      // a redelivery of the same event decides the same firing, under the same key
      assertThat(tracker.onDependency(either, "dep-a", event("a1")).orElseThrow().executionKey())
          .isEqualTo(fired.executionKey());
      tracker.complete(either, fired);
      assertThat(bucket.get(tracker.key(either))).isEmpty();
      assertThat(tracker.pending(either)).isEmpty();
    }
  }

  private static Callable<Void> feed(ConditionTracker tracker, String dep, CloudEvent event, CyclicBarrier start,
      List<Firing> firings) {
    return () -> {
      start.await();
      tracker.onDependency(BOTH, dep, event).ifPresent(firings::add);
      tracker.onDependency(BOTH, dep, event).ifPresent(firings::add);
      return null;
    };
  }

  private static CloudEvent event(String id) {
    return TransitionTest.event(id);
  }
}
