package io.quargo.sensor.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorParser;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every k8s trigger of Argo's example Sensors is accepted when the Sensor starts, except the ones whose manifest
 * comes from a file, url, git or s3, which are refused naming that source.
 */
class UpstreamK8sTriggersTest {
  private static final Path EXAMPLES = CompatFiles.dir().resolve("argo-events/examples");
  private static final List<String> REFUSED_SOURCES = List.of("file", "url", "git", "s3");

  @Test
  void upstreamK8sTriggersAreAcceptedOrRefusedForTheirSource() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "Argo's examples are not at "
        + EXAMPLES.toAbsolutePath() + "; set QUARGO_COMPAT_DIR to the shared/compat directory");
    K8sTrigger k8s = new K8sTrigger(new ClusterTarget(ClusterAccess.none()));
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> all = Files.walk(EXAMPLES)) {
      files = all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    for (Path file : files) {
      for (Sensor sensor : sensors(file)) {
        for (Trigger t : sensor.triggers()) {
          if (!t.type().equals("k8s")) {
            continue;
          }
          JsonNode source = t.typeSpec().path("source");
          String kind = REFUSED_SOURCES.stream().filter(source::has).findFirst().orElse(null);
          String name = EXAMPLES.relativize(file) + " " + t.name();
          if (kind == null) {
            assertThatCode(() -> k8s.validate(t)).as(name).doesNotThrowAnyException();
            accepted.add(name);
          } else {
            assertThatThrownBy(() -> k8s.validate(t)).as(name).isInstanceOf(SensorSpecException.class)
                .hasMessageStartingWith(t.where() + ".template.k8s.source." + kind + ":");
            refused.add(name);
          }
        }
      }
    }
    assertThat(accepted).hasSizeGreaterThanOrEqualTo(60);
    assertThat(refused).isNotEmpty();
  }

  private static List<Sensor> sensors(Path file) throws Exception {
    List<Sensor> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
        .readValues(file.toFile())) {
      for (JsonNode doc : docs.readAll()) {
        if (doc.isObject() && doc.path("kind").asText().equals("Sensor")) {
          try {
            out.add(SensorParser.parse(Resource.of((ObjectNode) doc)));
          } catch (SensorSpecException e) {
            // a Sensor the parser refuses for another reason is SensorParser's tests' business
          }
        }
      }
    }
    return out;
  }
}
