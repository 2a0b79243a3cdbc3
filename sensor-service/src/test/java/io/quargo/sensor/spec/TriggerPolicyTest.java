package io.quargo.sensor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.sensor.Yaml;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** retryStrategy, rateLimit and dlqTrigger: parsing and the backoff's arithmetic. */
class TriggerPolicyTest {
  private static Trigger trigger(String extra) {
    return Yaml.sensor("""
        dependencies: [{name: d, eventSourceName: s, eventName: e}]
        triggers:
          - template: {name: t, log: {}}
        %s""".formatted(extra.indent(4))).triggers().get(0);
  }

  @Test
  void readsArgoBackoffWithStringAmountsAndGoDurations() {
    Trigger t = trigger("""
        retryStrategy: {steps: 4, duration: 2s, factor: "1.5", jitter: 0.2}
        rateLimit: {unit: Minute, requestsPerUnit: 30}""");
    assertThat(t.retryStrategy()).isEqualTo(new Backoff(4, Duration.ofSeconds(2), 1.5, 0.2));
    assertThat(t.rateLimit().interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(trigger("retryStrategy: {duration: 1000000}").retryStrategy())
        .isEqualTo(new Backoff(1, Duration.ofMillis(1), 1, 0));
  }

  @Test
  void withoutRetryStrategyATriggerIsAttemptedOnce() {
    Trigger t = trigger("");
    assertThat(t.retryStrategy()).isNull();
    assertThat(t.attempts().steps()).isEqualTo(1);
    assertThat(t.rateLimit()).isNull();
    assertThat(trigger("rateLimit: {requestsPerUnit: 5}").rateLimit())
        .isEqualTo(new RateLimit(Duration.ofSeconds(1), 5));
  }

  @Test
  void waitsGrowByTheFactorAndJitterAddsAFractionOfTheWait() {
    Backoff b = new Backoff(5, Duration.ofSeconds(1), 2, 0.5);
    assertThat(b.delayBefore(1, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delayBefore(2, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.delayBefore(3, 0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.delayBefore(3, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(new Backoff(3, Duration.ofSeconds(3), 0, 0).delayBefore(3, 0.9)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void readsTheDlqTriggerAsATriggerOfItsOwn() {
    Trigger t = trigger("dlqTrigger: {template: {name: dead, log: {}}, retryStrategy: {steps: 2}}");
    assertThat(t.dlqTrigger().name()).isEqualTo("dead");
    assertThat(t.dlqTrigger().where()).isEqualTo("spec.triggers[0].dlqTrigger");
    assertThat(t.dlqTrigger().attempts().steps()).isEqualTo(2);
  }

  @Test
  void badPoliciesNameTheirPath() {
    assertThatThrownBy(() -> trigger("retryStrategy: {steps: 2, duration: soon}"))
        .hasMessageContaining("spec.triggers[0].retryStrategy.duration").hasMessageContaining("\"3s\"");
    assertThatThrownBy(() -> trigger("retryStrategy: {factor: lots}"))
        .hasMessageContaining("spec.triggers[0].retryStrategy.factor");
    assertThatThrownBy(() -> trigger("rateLimit: {unit: Day, requestsPerUnit: 1}"))
        .hasMessageContaining("spec.triggers[0].rateLimit.unit: must be Second, Minute or Hour");
    assertThatThrownBy(() -> trigger("rateLimit: {unit: Second}"))
        .hasMessageContaining("spec.triggers[0].rateLimit.requestsPerUnit");
    assertThatThrownBy(() -> trigger("dlqTrigger: {template: {name: d2, log: {}}, dlqTrigger: {template: {}}}"))
        .hasMessageContaining("spec.triggers[0].dlqTrigger.dlqTrigger");
  }

  @Test
  void readsPolicyK8sBesideTheTemplateOrInsideItAsUpstreamsExampleWritesIt() {
    Trigger beside = trigger("policy: {k8s: {labels: {workflows.argoproj.io/phase: Succeeded}, "
        + "backoff: {steps: 3, duration: 2s}, errorOnBackoffTimeout: true}}");
    assertThat(beside.k8sPolicy()).isEqualTo(new K8sPolicy(java.util.Map.of("workflows.argoproj.io/phase",
        "Succeeded"), new Backoff(3, Duration.ofSeconds(2), 1, 0), true));
    Trigger inside = Yaml.sensor("""
        dependencies: [{name: d, eventSourceName: s, eventName: e}]
        triggers:
          - template: {name: t, log: {}, policy: {k8s: {labels: {done: "true"}}}}""").triggers().get(0);
    assertThat(inside.k8sPolicy()).isEqualTo(new K8sPolicy(java.util.Map.of("done", "true"),
        K8sPolicy.DEFAULT_BACKOFF, false));
    assertThat(trigger("policy: {k8s: {labels: {}}}").k8sPolicy()).isNull();
    assertThat(trigger("").k8sPolicy()).isNull();
  }

  @Test
  void badPolicyK8sNamesItsPath() {
    assertThatThrownBy(() -> trigger("policy: {k8s: {labels: [a]}}")).isInstanceOf(SensorSpecException.class)
        .hasMessageContaining("spec.triggers[0].policy.k8s.labels");
    assertThatThrownBy(() -> trigger("policy: {k8s: {labels: {a: {b: c}}}}"))
        .hasMessageContaining("spec.triggers[0].policy.k8s.labels.a");
    assertThatThrownBy(() -> trigger("policy: {k8s: {labels: {a: b}, backoff: {duration: soon}}}"))
        .hasMessageContaining("spec.triggers[0].policy.k8s.backoff.duration");
  }
}
