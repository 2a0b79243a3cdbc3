package io.quargo.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quargo.core.Json;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the upstream Sensors' triggers land when run here: an HTTP sink for {@code http} triggers (the URL's path
 * kept, host and port replaced), the log trigger's lines, and secrets that resolve to a value derived from their
 * name and key, so a test can tell that a secure header carried the right secret.
 */
final class LocalTargets implements AutoCloseable {
  record Effect(String trigger, String kind, String path, String method, JsonNode headers, String body) {}

  private final HttpServer sink;
  private final NatsTestServer nats;
  private final List<Effect> effects = new CopyOnWriteArrayList<>();
  private final List<Connection> subscribers = new CopyOnWriteArrayList<>();

  private LocalTargets(HttpServer sink, NatsTestServer nats) {
    this.sink = sink;
    this.nats = nats;
  }

  /** @param nats where {@code nats} triggers publish (their subjects are subscribed to here) */
  static LocalTargets start(NatsTestServer nats) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LocalTargets targets = new LocalTargets(server, nats);
    server.createContext("/", exchange -> {
      ObjectNode headers = Json.object();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      targets.effects.add(new Effect(null, "http", exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
          headers, body));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return targets;
  }

  static String secretValue(String name, String key) {
    return "secret-of-" + name + "-" + key;
  }

  /** One resolver for EventSources and Sensors: every secret key has a value derived from its name. */
  io.quargo.core.secret.SecretResolver secrets() {
    return (ns, name, key) -> secretValue(name, key);
  }

  void logged(String line) {
    JsonNode json = Json.parse(line.getBytes(StandardCharsets.UTF_8));
    effects.add(new Effect(json.path("trigger").asText(), "log", null, null, null, line));
  }

  List<Effect> effects() {
    return effects;
  }

  /** Points every trigger that leaves the machine at a local target. */
  void localizeTriggers(ObjectNode sensor) throws Exception {
    for (JsonNode t : sensor.path("spec").path("triggers")) {
      ObjectNode natsTrigger = (ObjectNode) t.path("template").get("nats");
      if (natsTrigger != null) {
        natsTrigger.put("url", nats.url());
        subscribe(t.path("template").path("name").asText(), natsTrigger.path("subject").asText());
      }
      ObjectNode http = (ObjectNode) t.path("template").get("http");
      if (http != null) {
        for (String field : List.of("url", "serverURL")) {
          if (http.hasNonNull(field)) {
            URI original = URI.create(http.get(field).asText());
            http.put(field, "http://127.0.0.1:" + sink.getAddress().getPort() + original.getPath());
          }
        }
      }
    }
  }

  /** Each trigger's effect is the one its spec describes. */
  void verify(ObjectNode sensor) {
    for (JsonNode t : sensor.path("spec").path("triggers")) {
      JsonNode template = t.path("template");
      String name = template.path("name").asText();
      if (template.has("log")) {
        assertThat(effects).anySatisfy(e -> assertThat(e.trigger()).isEqualTo(name));
      } else if (template.has("http")) {
        verifyHttp(template.path("http"));
      } else if (template.has("nats")) {
        assertThat(effects).anySatisfy(e -> {
          assertThat(e.trigger()).isEqualTo(name);
          JsonNode body = Json.parse(e.body().getBytes(StandardCharsets.UTF_8));
          for (JsonNode p : template.path("nats").path("payload")) {
            assertThat(body.path(p.path("dest").asText()).isMissingNode()).as("payload %s", p.path("dest")).isFalse();
          }
        });
      } else {
        throw new AssertionError("no check for trigger " + name + " of kind " + template.fieldNames().next());
      }
    }
  }

  private void verifyHttp(JsonNode http) {
    String url = http.hasNonNull("url") ? http.get("url").asText() : http.path("serverURL").asText();
    String method = http.path("method").asText("POST");
    assertThat(effects).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("http");
      assertThat(e.path()).isEqualTo(URI.create(url).getPath());
      assertThat(e.method()).isEqualTo(method);
      assertThat(e.headers().path("x-quargo-trigger-id").asText()).isNotEmpty();
      for (JsonNode h : http.path("secureHeaders")) {
        JsonNode ref = h.path("valueFrom").path("secretKeyRef");
        assertThat(e.headers().path(h.path("name").asText().toLowerCase(java.util.Locale.ROOT)).asText())
            .isEqualTo(secretValue(ref.path("name").asText(), ref.path("key").asText()));
      }
      if (http.path("payload").size() > 0) {
        JsonNode body = Json.parse(e.body().getBytes(StandardCharsets.UTF_8));
        for (JsonNode p : http.path("payload")) {
          assertThat(body.path(p.path("dest").asText()).isMissingNode()).as("payload %s", p.path("dest")).isFalse();
        }
      }
    });
  }

  private void subscribe(String trigger, String subject) throws Exception {
    Connection connection = Nats.connect(nats.url());
    subscribers.add(connection);
    connection.createDispatcher(m -> effects.add(new Effect(trigger, "nats", m.getSubject(), null, null,
        new String(m.getData(), StandardCharsets.UTF_8)))).subscribe(subject);
    connection.flush(java.time.Duration.ofSeconds(5));
  }

  @Override
  public void close() throws InterruptedException {
    sink.stop(0);
    for (Connection c : subscribers) {
      c.close();
    }
  }
}
