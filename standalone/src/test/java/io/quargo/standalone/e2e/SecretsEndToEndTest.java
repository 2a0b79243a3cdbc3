package io.quargo.standalone.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole way of a Secret in the standalone server: applied through the API, it guards a webhook EventSource
 * ({@code authSecret}) and gives a Sensor's http trigger its secure header; rotated through the API, the next
 * request and the next firing use the new values.
 */
@QuarkusTest
@WithTestResource(NatsTestResource.class)
class SecretsEndToEndTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> sinkCalls = new CopyOnWriteArrayList<>();
  private HttpServer sink;

  @BeforeEach
  void startSink() throws IOException {
    sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext("/sink", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      sinkCalls.add(exchange.getRequestHeaders().getFirst("X-Sink-Token") + " " + body.replace(" ", ""));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    sink.start();
  }

  @AfterEach
  void stopSink() {
    sink.stop(0);
  }

  @Test
  void aSecretGuardsAWebhookAndSignsATriggerAndARotationTakesEffect() throws Exception {
    String ns = "sec" + UUID.randomUUID().toString().substring(0, 8);
    int port = freePort();
    applySecret(ns, "POST", "/api/v1/secrets/" + ns, "t1", "s1");
    apply("/api/v1/sensors/" + ns, "sensor", """
        {"metadata": {"name": "notify"}, "spec": {
          "dependencies": [{"name": "push", "eventSourceName": "hooks", "eventName": "push"}],
          "triggers": [{"template": {"name": "sink", "http": {
            "url": "http://127.0.0.1:%d/sink", "method": "POST",
            "payload": [{"src": {"dependencyName": "push", "dataKey": "body.n"}, "dest": "n"}],
            "secureHeaders": [{"name": "X-Sink-Token",
              "valueFrom": {"secretKeyRef": {"name": "hook-auth", "key": "sink"}}}]}}}]}}
        """.formatted(sink.getAddress().getPort()));
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(given().get("/api/v1/sensors/" + ns
        + "/notify").then().extract().path("status.phase")));
    apply("/api/v1/event-sources/" + ns, "eventSource", """
        {"metadata": {"name": "hooks"}, "spec": {"webhook": {"push": {"port": "%d", "endpoint": "/push",
          "method": "POST", "authSecret": {"name": "hook-auth", "key": "token"}}}}}
        """.formatted(port));

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> push(port, null, 1) == 401);
    assertThat(push(port, "Bearer wrong", 1)).isEqualTo(401);
    assertThat(push(port, "Bearer t1", 1)).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sinkCalls).contains("s1 {\"n\":\"1\"}"));

    applySecret(ns, "PUT", "/api/v1/secrets/" + ns + "/hook-auth", "t2", "s2");
    // the EventSource is planned again with the new token; until then the old one is still served
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> push(port, "Bearer t1", 2) == 401);
    assertThat(push(port, "Bearer t2", 2)).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sinkCalls).contains("s2 {\"n\":\"2\"}"));
    assertThat(sinkCalls).doesNotContain("s1 {\"n\":\"2\"}");
  }

  @Test
  void anEventSourceAppliedBeforeItsSecretStartsWhenTheSecretArrives() throws Exception {
    String ns = "sec" + UUID.randomUUID().toString().substring(0, 8);
    int port = freePort();
    apply("/api/v1/event-sources/" + ns, "eventSource", """
        {"metadata": {"name": "hooks"}, "spec": {"webhook": {"push": {"port": "%d", "endpoint": "/push",
          "method": "POST", "authSecret": {"name": "hook-auth", "key": "token"}}}}}
        """.formatted(port));
    await().atMost(Duration.ofSeconds(30)).until(() -> "Error".equals(given().get("/api/v1/event-sources/" + ns
        + "/hooks").then().extract().path("status.phase")));
    assertThat(given().get("/api/v1/event-sources/" + ns + "/hooks").then().extract().<String>path("status.message"))
        .contains("spec.webhook.push.authSecret").contains("hook-auth");

    applySecret(ns, "POST", "/api/v1/secrets/" + ns, "t1", "s1");
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> push(port, null, 1) == 401);
    assertThat(push(port, "Bearer t1", 1)).isEqualTo(200);
  }

  private int push(int port, String authorization, int n) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/push"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + n + "}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void applySecret(String ns, String method, String path, String token, String sinkToken) {
    String body = """
        {"secret": {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "hook-auth"}, "type": "Opaque",
          "data": {"token": "%s"}, "stringData": {"sink": "%s"}}}
        """.formatted(java.util.Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)), sinkToken);
    String answer = given().contentType(ContentType.JSON).body(body).request(method, path).then().statusCode(200)
        .extract().asString();
    assertThat(answer).contains("\"token\"").contains("\"sink\"").doesNotContain(sinkToken)
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static void apply(String collection, String field, String object) {
    given().contentType(ContentType.JSON).body("{\"" + field + "\": " + object + "}").post(collection).then()
        .statusCode(200);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
