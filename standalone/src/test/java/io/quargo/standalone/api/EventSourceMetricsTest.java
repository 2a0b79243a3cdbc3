package io.quargo.standalone.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A webhook event shows on /q/metrics as received, published and timed, tagged with its EventSource. */
@QuarkusTest
@WithTestResource(NatsTestResource.class)
class EventSourceMetricsTest {

  @Test
  void aWebhookEventIsCountedOnTheMetricsEndpoint() throws Exception {
    String ns = "m" + UUID.randomUUID().toString().substring(0, 8);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ApiFixtures.post("/api/v1/event-sources/" + ns, ApiFixtures.body("eventSource", ApiFixtures.yaml("""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata: {name: hooks}
        spec:
          webhook:
            push: {port: "%d", endpoint: /push, method: POST}
        """.formatted(port)))).then().statusCode(200);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest push = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/push"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}")).header("Content-Type", "application/json").build();
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> http.send(push, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

    String tags = "eventName=\"push\",eventSource=\"hooks\",namespace=\"" + ns + "\",type=\"webhook\"";
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("quargo_eventsource_events_received_total{" + tags + "} 1.0");
    assertThat(metrics).contains("quargo_eventsource_events_published_total{" + tags + "} 1.0");
    assertThat(metrics).contains("quargo_eventsource_publish_latency_seconds_count{" + tags + "} 1");
    assertThat(metrics).doesNotContain("quargo_eventsource_events_failed_total{" + tags + "}");
  }
}
