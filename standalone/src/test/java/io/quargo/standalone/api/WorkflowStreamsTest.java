package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.body;
import static io.quargo.standalone.api.ApiFixtures.create;
import static io.quargo.standalone.api.ApiFixtures.awaitPhase;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static io.quargo.standalone.api.ApiFixtures.post;
import static io.quargo.standalone.api.ApiFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class WorkflowStreamsTest {
  @TestHTTPResource("/")
  URL root;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theWatchStreamSendsEachPhaseChangeOfTheWorkflow() throws Exception {
    String ns = namespace();
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    // as with Argo's grpc-gateway, the status line comes with the first event, so the client opens in the background
    AtomicReference<Stream<String>> opened = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try (Stream<String> lines = open("api/v1/workflow-events/" + ns
          + "?listOptions.fieldSelector=metadata.name%3Dwatched", "application/json")) {
        opened.set(lines);
        lines.forEach(l -> events.add(Json.parse(l.getBytes())));
      } catch (java.io.UncheckedIOException closedByTheTest) {
        // closed below, once the test has seen enough
      } catch (Exception e) {
        events.add(Json.MAPPER.createObjectNode().put("error", e.toString()));
      }
    });
    reader.setDaemon(true);
    reader.start();
    ObjectNode wf = yaml(ApiFixtures.HELLO);
    ((ObjectNode) wf.get("metadata")).remove("generateName");
    ((ObjectNode) wf.get("metadata")).put("name", "watched");
    create(ns, ApiFixtures.HELLO); // another name: filtered out
    post("/api/v1/workflows/" + ns, body("workflow", wf)).then().statusCode(200);

    await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
        .anyMatch(e -> phase(e).equals("Succeeded") || e.has("error")));
    opened.get().close();
    assertThat(events).allSatisfy(e -> {
      assertThat(e.path("result").path("object").path("metadata").path("name").asText()).isEqualTo("watched");
      assertThat(e.path("result").path("type").asText()).isIn("ADDED", "MODIFIED");
    });
    // the request may reach the server after the workflow started, so early phases may be folded into one
    List<String> phases = events.stream().map(WorkflowStreamsTest::phase).distinct().toList();
    assertThat(List.of("", "Pending", "Running", "Succeeded")).containsSubsequence(phases);
    assertThat(phases).last().isEqualTo("Succeeded");
  }

  @Test
  void serverSentEventsCarryTheSameObjectsAfterTheExistingOnes() throws Exception {
    String ns = namespace();
    String first = create(ns, ApiFixtures.HELLO);
    awaitPhase(ns, first, "Succeeded");
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Stream<String> stream = open("api/v1/workflow-events/" + ns, "text/event-stream")) {
      Thread reader = new Thread(() -> {
        try {
          stream.forEach(lines::add);
        } catch (java.io.UncheckedIOException closedByTheTest) {
          // the try-with-resources below closes the stream under the reader
        }
      });
      reader.setDaemon(true);
      reader.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ")));
      String second = create(ns, ApiFixtures.HELLO);
      await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream().filter(l -> l.startsWith("data: "))
          .map(l -> Json.parse(l.substring(6).getBytes())).anyMatch(e -> phase(e).equals("Succeeded")
              && e.path("result").path("object").path("metadata").path("name").asText().equals(second)));
    }
    JsonNode added = Json.parse(lines.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow()
        .substring(6).getBytes());
    assertThat(added.path("result").path("type").asText()).isEqualTo("ADDED");
    assertThat(added.path("result").path("object").path("metadata").path("name").asText()).isEqualTo(first);
  }

  @Test
  void followingALogStreamsLinesUntilThePodEnds() throws Exception {
    String ns = namespace();
    String name = create(ns, """
        metadata: {generateName: slow-}
        spec:
          entrypoint: main
          templates:
            - name: main
              container: {image: busybox, command: [sh, -c, "echo one; sleep 2; echo two"]}
        """);
    List<String> lines;
    try (Stream<String> stream = open("api/v1/workflows/" + ns + "/" + name + "/log?logOptions.follow=true",
        "application/json")) {
      lines = stream.toList(); // returns only when the server ends the stream
    }
    assertThat(lines).extracting(l -> Json.parse(l.getBytes()).path("result").path("content").asText())
        .containsExactly("one", "two");
    assertThat(ApiFixtures.get(ns, name).path("status").path("phase").asText()).isEqualTo("Succeeded");
  }

  private Stream<String> open(String path, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
        .header("Accept", accept).GET().build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static String phase(JsonNode event) {
    return event.path("result").path("object").path("status").path("phase").asText();
  }
}
