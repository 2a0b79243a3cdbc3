package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventsource.spi.EventSourceAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every EventSource among Argo's examples is planned without an error: the types this service runs become
 * routes or adapters, the others are named as unsupported (the EventSource's status says so) rather than failing.
 * Every example index.tsv marks local ({@code local_only = yes}) plans into something that runs.
 */
@ExtendWith(NatsServerExtension.class)
class UpstreamEventSourcesPlanIT {
  private static final Path EVENTS = CompatFiles.dir().resolve("argo-events");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyExampleEventSourceIsPlannedAndTheLocalOnesRun(NatsTestServer nats) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(EVENTS.resolve("index.tsv")),
        "Argo's examples are not at " + EVENTS + " (set QUARGO_COMPAT_DIR)");
    Set<String> local = new TreeSet<>();
    for (String line : Files.readAllLines(EVENTS.resolve("index.tsv"))) {
      String[] c = line.split("\t", -1);
      if (c.length > 4 && c[1].equals("EventSource") && c[4].equals("yes")) {
        local.add(c[0]);
      }
    }
    assertThat(local).hasSizeGreaterThanOrEqualTo(9);
    List<String> failures = new ArrayList<>();
    int planned = 0;
    try (BusFixture bus = BusFixture.connect(nats);
        Stream<Path> files = Files.list(EVENTS.resolve("examples/event-sources"))) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        String relative = EVENTS.relativize(file).toString();
        for (JsonNode doc : documents(file)) {
          if (!doc.path("kind").asText().equals("EventSource")) {
            continue;
          }
          planned++;
          try {
            SourcePlan plan = SourcePlan.of(Resource.of((ObjectNode) doc), bus.bus(), (ns, name, key) -> "secret-" + key,
                ClusterAccess.none());
            plan.adapters().forEach(EventSourceAdapter::close);
            if (local.contains(relative) && (!plan.unsupported().isEmpty()
                || plan.routes().isEmpty() && plan.adapters().isEmpty())) {
              failures.add(relative + ": local, but planned nothing runnable (unsupported: " + plan.unsupported()
                  + ")");
            }
          } catch (RuntimeException e) {
            failures.add(relative + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(planned).isGreaterThanOrEqualTo(local.size());
  }

  private static List<JsonNode> documents(Path file) throws Exception {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && d.isObject()).toList();
    }
  }
}
