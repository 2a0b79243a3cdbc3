package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.core.secret.SecretResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorRunnerTest {
  private static final Sensor SENSOR = Yaml.sensor("""
      dependencies: [{name: dep, eventSourceName: hooks, eventName: a}, {name: other, eventSourceName: x, eventName: y}]
      triggers:
        - template: {name: note, log: {}}
        - template: {name: wf, argoWorkflow: {operation: submit}}
      """);

  @Test
  void aTriggerKindWithoutExecutorIsRefusedUpFront() {
    assertThatThrownBy(() -> new SensorRunner(null, SENSOR, List.of(new LogTrigger(), new HttpTrigger(
        SecretResolver.none())), RunnerOptions.defaults()))
        .isInstanceOf(SensorSpecException.class)
        .hasMessage("spec.triggers[1].template.argoWorkflow: trigger kind 'argoWorkflow' is not supported by this "
            + "sensor service yet; supported: [http, log]");
  }

  @Test
  void anHttpTlsBlockThatCanNeverWorkIsRefusedUpFront() {
    Sensor tls = Yaml.sensor("""
        dependencies: [{name: dep, eventSourceName: hooks, eventName: a}]
        triggers: [{template: {name: call, http: {url: "https://x", tls: {caCertPath: /etc/ca.pem}}}}]
        """);
    assertThatThrownBy(() -> new SensorRunner(null, tls, List.of(new HttpTrigger(SecretResolver.none())),
        RunnerOptions.defaults())).hasMessageStartingWith("spec.triggers[0].template.http.tls.caCertPath: is the "
        + "file-path form older Argo Events versions read");
  }

  @Test
  void durableNamesAreStablePerDependencyAndSubjectsFollowTheBusLayout() {
    Sensor logOnly = Yaml.sensor("""
        dependencies: [{name: dep, eventSourceName: hooks, eventName: a}, {name: other, eventSourceName: x, eventName: y}]
        triggers: [{template: {name: note, log: {}}}]
        """);
    SensorRunner one = new SensorRunner(null, logOnly, List.of(new LogTrigger()), RunnerOptions.defaults());
    SensorRunner two = new SensorRunner(null, logOnly, List.of(new LogTrigger()), RunnerOptions.defaults());
    assertThat(one.durableName(logOnly.dependencies().get(0))).isEqualTo(two.durableName(logOnly.dependencies()
        .get(0))).startsWith("sensor-").isNotEqualTo(one.durableName(logOnly.dependencies().get(1)));
    assertThat(one.subject(logOnly.dependencies().get(0))).isEqualTo("events.ns.hooks.a");
  }
}
