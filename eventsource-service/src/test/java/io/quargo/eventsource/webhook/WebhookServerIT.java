package io.quargo.eventsource.webhook;

import io.quargo.core.secret.SecretResolver;
import static io.quargo.eventsource.webhook.WebhookHttp.eventSource;
import static io.quargo.eventsource.webhook.WebhookHttp.freePort;
import static io.quargo.eventsource.webhook.WebhookHttp.get;
import static io.quargo.eventsource.webhook.WebhookHttp.post;
import static io.quargo.eventsource.webhook.WebhookHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class WebhookServerIT {
  private static final String TOKEN = "s3cr3t-token";

  private final String namespace = "ns" + UUID.randomUUID().toString().substring(0, 8);
  private final int port = freePort();
  private BusConnection bus;
  private Vertx vertx;
  private WebhookServers servers;

  @BeforeEach
  void start(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())));
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    vertx = Vertx.vertx();
    String webhook = """
        {"example": {"port": "%1$d", "endpoint": "/example", "method": "POST", "metadata": {"team": "a"}},
         "second":  {"port": %1$d, "endpoint": "/second", "method": "GET"},
         "secure":  {"port": "%1$d", "endpoint": "/secure", "method": "POST",
                     "authSecret": {"name": "webhook-auth", "key": "token"}},
         "small":   {"port": "%1$d", "endpoint": "/small", "method": "POST", "maxPayloadSize": 16},
         "filtered": {"port": "%1$d", "endpoint": "/filtered", "method": "POST",
                      "filter": {"expression": "body.id == 4 && body.name != 'Joe'"}}}
        """.formatted(port);
    SecretResolver secrets = (ns, name, key) -> name.equals("webhook-auth") && key.equals("token") ? TOKEN : null;
    List<WebhookRoute> routes = new WebhookSpecParser(secrets).parse(eventSource(namespace, "hooks", webhook));
    servers = WebhookServers.start(vertx, "127.0.0.1", routes, new Publisher(bus));
  }

  @AfterEach
  void stop() {
    servers.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    bus.close();
  }

  @Test
  void aJsonPostIsInTheStreamWhenThe200Arrives() throws Exception {
    HttpResponse<String> response = send(post(port, "/example", "{\"id\": 4, \"tags\": [\"x\"]}")
        .header("X-Custom", "one"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    // no waiting: the 200 promises the event is already stored
    CloudEvent event = lastEvent("hooks", "example").orElseThrow();
    assertThat(event.type()).isEqualTo("webhook");
    assertThat(event.source()).isEqualTo("hooks");
    assertThat(event.subject()).isEqualTo("example");
    assertThat(event.id()).matches("[0-9a-f]{32}");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    JsonNode data = event.data();
    assertThat(data.get("body")).isEqualTo(WebhookHttp.JSON.readTree("{\"id\": 4, \"tags\": [\"x\"]}"));
    assertThat(data.at("/header/X-Custom/0").asText()).isEqualTo("one");
    assertThat(data.at("/header/Content-Type/0").asText()).isEqualTo("application/json");
    assertThat(data.get("header").has("Host")).isFalse();
    assertThat(data.get("metadata")).isEqualTo(WebhookHttp.JSON.readTree("{\"team\": \"a\"}"));
    assertThat(data.fieldNames()).toIterable().containsExactly("header", "body", "metadata");
  }

  @Test
  void aRetryCarryingTheSameIdempotencyKeyIsStoredOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(send(post(port, "/example", "{\"n\": 1}").header("Idempotency-Key", key)).statusCode()).isEqualTo(200);
    assertThat(count("example")).isEqualTo(1);
    CloudEvent first = lastEvent("hooks", "example").orElseThrow();

    // the sender did not see our 200 and sends the same request again: acknowledged, not stored twice
    assertThat(send(post(port, "/example", "{\"n\": 1}").header("idempotency-key", key)).statusCode()).isEqualTo(200);
    assertThat(count("example")).isEqualTo(1);
    assertThat(first.data().at("/header/Idempotency-Key/0").asText()).isEqualTo(key);

    // another key, or none (Argo: every request is an event), is a new event
    send(post(port, "/example", "{\"n\": 2}").header("Idempotency-Key", UUID.randomUUID().toString()));
    send(post(port, "/example", "{\"n\": 3}"));
    send(post(port, "/example", "{\"n\": 3}"));
    assertThat(count("example")).isEqualTo(4);
  }

  @Test
  void twoEventsShareOnePortAndAGetCarriesItsQueryAsTheBody() throws Exception {
    HttpResponse<String> response = send(get(port, "/second?a=1&a=2&b=x%20y"));

    assertThat(response.statusCode()).isEqualTo(200);
    CloudEvent event = lastEvent("hooks", "second").orElseThrow();
    assertThat(event.data().get("body")).isEqualTo(WebhookHttp.JSON.readTree("{\"a\": [\"1\", \"2\"], \"b\": [\"x y\"]}"));
    assertThat(event.data().get("metadata").isNull()).isTrue();
    assertThat(servers.servers()).hasSize(1);
  }

  @Test
  void aFormPostCarriesItsFields() {
    HttpResponse<String> response = send(post(port, "/example", "name=Joe&id=4")
        .header("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = lastEvent("hooks", "example").orElseThrow().data().get("body");
    assertThat(body.at("/name/0").asText()).isEqualTo("Joe");
    assertThat(body.at("/id/0").asText()).isEqualTo("4");
  }

  @Test
  void theBearerTokenIsRequiredAndMaskedInThePayload() {
    HttpResponse<String> missing = send(post(port, "/secure", "{}"));
    HttpResponse<String> wrong = send(post(port, "/secure", "{}").header("Authorization", "Bearer nope"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(TOKEN);
    assertThat(lastEvent("hooks", "secure")).isEmpty();

    HttpResponse<String> right = send(post(port, "/secure", "{}").header("Authorization", "Bearer " + TOKEN));

    assertThat(right.statusCode()).isEqualTo(200);
    CloudEvent event = lastEvent("hooks", "secure").orElseThrow();
    assertThat(event.data().at("/header/Authorization/0").asText()).isEqualTo("*** Masked Auth Secret ***");
    assertThat(CloudEventJson.encodeToString(event)).doesNotContain(TOKEN);
  }

  @Test
  void aBodyOverMaxPayloadSizeIs413AndNotPublished() {
    HttpResponse<String> response = send(post(port, "/small", "{\"text\": \"" + "x".repeat(100) + "\"}"));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("maxPayloadSize (16 bytes)");
    assertThat(lastEvent("hooks", "small")).isEmpty();
    assertThat(send(post(port, "/small", "{}")).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongMethodUnknownEndpointAndInvalidJsonAreRefused() {
    HttpResponse<String> wrongMethod = send(get(port, "/example"));
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    assertThat(send(post(port, "/nowhere", "{}")).statusCode()).isEqualTo(404);
    HttpResponse<String> invalid = send(post(port, "/example", "{not json"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("not valid JSON");
    assertThat(lastEvent("hooks", "example")).isEmpty();
  }

  @Test
  void theFilterDropsEventsButStillAnswers200AsArgoDoes() {
    HttpResponse<String> dropped = send(post(port, "/filtered", "{\"id\": 4, \"name\": \"Joe\"}"));
    assertThat(dropped.statusCode()).isEqualTo(200);
    assertThat(lastEvent("hooks", "filtered")).isEmpty();

    HttpResponse<String> kept = send(post(port, "/filtered", "{\"id\": 4, \"name\": \"Ann\"}"));

    assertThat(kept.statusCode()).isEqualTo(200);
    assertThat(lastEvent("hooks", "filtered").orElseThrow().data().at("/body/name").asText()).isEqualTo("Ann");
  }

  @Test
  void healthAnswersOk() {
    HttpResponse<String> health = send(get(port, "/health"));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("OK");
  }

  /** How many events the stream holds for {@code hooks.<eventName>} of this test's namespace. */
  private int count(String eventName) throws Exception {
    String subject = Subjects.events(namespace, "hooks", eventName);
    int count = 0;
    try {
      for (long seq = 1; ; count++) {
        seq = bus.management().getNextMessage(StandardStreams.EVENTS, seq, subject).getSeq() + 1;
      }
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != 10037) { // no message found: counted all
        throw e;
      }
    }
    return count;
  }

  private Optional<CloudEvent> lastEvent(String eventSource, String eventName) {
    try {
      MessageInfo info = bus.management().getLastMessage(StandardStreams.EVENTS,
          Subjects.events(namespace, eventSource, eventName));
      return Optional.of(CloudEventJson.decode(info.getData()));
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == 10037) { // no message found
        return Optional.empty();
      }
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
