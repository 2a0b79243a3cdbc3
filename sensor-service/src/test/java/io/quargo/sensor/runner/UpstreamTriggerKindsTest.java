package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorParser;
import io.quargo.sensor.trigger.ArgoWorkflowTrigger;
import io.quargo.sensor.trigger.EmailTrigger;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.KafkaTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.sensor.trigger.NatsTrigger;
import io.quargo.core.secret.SecretResolver;
import io.quargo.sensor.trigger.SlackTrigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo's example Sensors using the message and notification triggers are accepted by a runner, not only parsed. */
class UpstreamTriggerKindsTest {
  private static final Path EXAMPLES = CompatFiles.dir().resolve("argo-events/examples/sensors");

  @Test
  void theRunnerAcceptsTheNatsSlackEmailAndRetryingHttpExamples() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "Argo's example Sensors are not at "
        + EXAMPLES.toAbsolutePath() + "; set QUARGO_COMPAT_DIR to the shared/compat directory");
    SecretResolver none = SecretResolver.none();
    for (String file : List.of("trigger-nats-messages.yaml", "slack-trigger.yaml", "email-trigger.yaml",
        "http-trigger.yaml")) {
      JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLES.resolve(file).toFile());
      Sensor sensor = SensorParser.parse(Resource.of((ObjectNode) doc));
      new SensorRunner(null, sensor, List.of(new LogTrigger(), new HttpTrigger(none), new ArgoWorkflowTrigger(null),
          new NatsTrigger(none), new KafkaTrigger(none), new SlackTrigger(none), new EmailTrigger(none)),
          RunnerOptions.defaults()).close();
      if (file.equals("http-trigger.yaml")) {
        assertThat(sensor.triggers().get(0).attempts().steps()).isEqualTo(3);
      }
    }
  }
}
