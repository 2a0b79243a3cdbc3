package io.quargo.sensor.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.Trigger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionTest {
  private static final Instant T0 = Instant.parse("2024-03-10T12:00:00Z");

  static Trigger trigger(String conditions, String resets) {
    return Yaml.sensor("""
        dependencies:
          - {name: dep-a, eventSourceName: es, eventName: a}
          - {name: dep-b, eventSourceName: es, eventName: b}
          - {name: dep-c, eventSourceName: es, eventName: c}
        triggers:
          - template: {name: t, conditions: "%s", conditionsReset: %s, log: {}}
        """.formatted(conditions, resets)).triggers().get(0);
  }

  static CloudEvent event(String id) {
    return CloudEvent.builder().id(id).source("es").type("webhook").subject("x").time(T0).data(Json.object()).build();
  }

  private static Transition step(TriggerState s, Trigger t, String dep, String id, Instant now) {
    return Transition.apply(s, "ns", "s", t, dep, event(id), now);
  }

  @Test
  void latestEventWinsAndStateResetsAfterFiring() {
    Trigger t = trigger("dep-a && (dep-b || dep-c)", "[]");
    TriggerState s = TriggerState.EMPTY;
    for (int i = 1; i <= 10; i++) {
      Transition step = step(s, t, "dep-a", "a" + i, T0);
      assertThat(step.fired()).isEmpty();
      s = step.next();
    }
    Transition fire = step(s, t, "dep-c", "c1", T0);
    assertThat(fire.fired()).isPresent();
    assertThat(fire.fired().get().events()).containsOnlyKeys("dep-a", "dep-c");
    assertThat(fire.fired().get().events().get("dep-a").id()).isEqualTo("a10");
    assertThat(fire.next().saved()).isEmpty();
    assertThat(fire.next().pending()).containsExactly(fire.fired().get());
    // after firing, dep-b alone does not fire again
    assertThat(step(fire.next(), t, "dep-b", "b1", T0).fired()).isEmpty();
  }

  @Test
  void anOlderEventArrivingLateDoesNotReplaceTheNewerOne() {
    Trigger t = trigger("dep-a && dep-b", "[]");
    CloudEvent newer = CloudEvent.builder().id("a2").source("es").type("webhook").subject("x")
        .time(T0.plusSeconds(5)).data(Json.object()).build();
    TriggerState s = Transition.apply(TriggerState.EMPTY, "ns", "s", t, "dep-a", newer, T0).next();
    Transition late = step(s, t, "dep-a", "a1", T0.plusSeconds(6)); // sent at T0, arrives after a2
    assertThat(late.changed()).isFalse();
    Transition fire = step(s, t, "dep-b", "b1", T0.plusSeconds(7));
    assertThat(fire.fired().get().events().get("dep-a").id()).isEqualTo("a2");
  }

  @Test
  void orFiresOnEveryEvent() {
    Trigger t = trigger("dep-a || dep-b", "[]");
    Transition first = step(TriggerState.EMPTY, t, "dep-a", "a1", T0);
    assertThat(first.fired()).isPresent();
    Transition second = step(first.next(), t, "dep-a", "a2", T0);
    assertThat(second.fired().get().events()).containsOnlyKeys("dep-a");
    assertThat(second.fired().get().executionKey()).isNotEqualTo(first.fired().get().executionKey());
  }

  @Test
  void aRedeliveredEventIsNotCountedTwice() {
    Trigger t = trigger("dep-a && dep-b", "[]");
    Transition a = step(TriggerState.EMPTY, t, "dep-a", "a1", T0);
    assertThat(step(a.next(), t, "dep-a", "a1", T0).changed()).isFalse();
    Transition fire = step(a.next(), t, "dep-b", "b1", T0);
    Transition again = step(fire.next(), t, "dep-b", "b1", T0);
    assertThat(again.changed()).isFalse();
    assertThat(again.fired()).isEmpty();
    // still remembered once the firing is completed
    TriggerState done = Transition.completed(fire.next(), fire.fired().get().executionKey());
    assertThat(done.pending()).isEmpty();
    assertThat(step(done, t, "dep-a", "a1", T0).changed()).isFalse();
  }

  @Test
  void executionKeyDependsOnlyOnSensorTriggerAndEventIds() {
    Map<String, CloudEvent> events = Map.of("dep-a", event("a1"), "dep-b", event("b1"));
    String key = ExecutionKey.of("ns", "s", "t", events);
    assertThat(key).hasSize(32).isEqualTo(ExecutionKey.of("ns", "s", "t", Map.of("dep-b", event("b1"),
        "dep-a", event("a1"))));
    assertThat(ExecutionKey.of("ns", "s", "t2", events)).isNotEqualTo(key);
    assertThat(ExecutionKey.of("ns", "s", "t", Map.of("dep-a", event("a2"), "dep-b", event("b1"))))
        .isNotEqualTo(key);
  }

  @Test
  void conditionsResetByTimeDropsDependenciesSavedBeforeTheCronTime() {
    // 23:59 in Los Angeles = 07:59 UTC on 2024-03-10 (PDT starts later that day)
    Trigger t = trigger("dep-a && dep-b", "[{byTime: {cron: '59 23 * * *', timezone: America/Los_Angeles}}]");
    Instant beforeReset = Instant.parse("2024-03-10T07:58:00Z");
    Instant afterReset = Instant.parse("2024-03-10T08:00:00Z");
    TriggerState s = step(TriggerState.EMPTY, t, "dep-a", "a1", beforeReset).next();
    assertThat(step(s, t, "dep-b", "b1", Instant.parse("2024-03-10T07:58:59Z")).fired()).isPresent();
    Transition late = step(s, t, "dep-b", "b1", afterReset);
    assertThat(late.fired()).isEmpty();
    assertThat(late.next().saved()).containsOnlyKeys("dep-b");
  }

  @Test
  void stateSurvivesItsJsonForm() {
    Trigger t = trigger("dep-a && dep-b", "[]");
    Transition fire = step(step(TriggerState.EMPTY, t, "dep-a", "a1", T0).next(), t, "dep-b", "b1", T0);
    TriggerState s = step(fire.next(), t, "dep-a", "a2", T0).next();
    TriggerState back = TriggerState.fromJson(s.toJson());
    assertThat(back).isEqualTo(s);
  }
}
