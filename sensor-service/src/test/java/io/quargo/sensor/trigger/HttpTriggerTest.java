package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.HttpSink;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http trigger against a local JDK HTTP server. */
class HttpTriggerTest {
  private static final CloudEvent EVENT = CloudEvent.builder().id("e1").source("hooks").type("webhook").subject("a")
      .data(Json.parse("{\"body\": {\"path\": \"/dyn\", \"n\": 7}}".getBytes(StandardCharsets.UTF_8))).build();
  private static final Firing FIRING = new Firing("t", "k-123", Map.of("dep", EVENT), Instant.EPOCH);

  private static Sensor sensor(String http) {
    return Yaml.sensor("""
        dependencies: [{name: dep, eventSourceName: hooks, eventName: a}]
        triggers:
          - template:
              name: t
              http: %s
        """.formatted(http));
  }

  private static void fire(Sensor s) {
    Trigger t = s.triggers().get(0);
    new HttpTrigger(SecretResolver.none()).execute(s, t, t.template(), FIRING);
  }

  @Test
  void parametersRewriteTheHttpSpecAndNoPayloadMeansNoBody() {
    try (HttpSink sink = new HttpSink()) {
      fire(sensor("{url: '" + sink.url("/base") + "', method: get, parameters: [{src: {dependencyName: dep, "
          + "dataKey: body.path}, dest: url, operation: append}]}"));
      assertThat(sink.requests).singleElement().satisfies(r -> {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/base/dyn");
        assertThat(r.body()).isEmpty();
        assertThat(r.header(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo("k-123");
      });
    }
  }

  @Test
  void anyStatusIsDoneWithoutAnAllowList() {
    try (HttpSink sink = new HttpSink()) {
      sink.statuses.add(500);
      fire(sensor("{url: '" + sink.url("/x") + "'}"));
      assertThat(sink.requests).hasSize(1);
    }
  }

  @Test
  void badSpecsArePermanentAndNameTheirPath() {
    assertThatThrownBy(() -> fire(sensor("{url: 'ftp://host/x'}"))).isInstanceOfSatisfying(TriggerFailure.class,
        f -> assertThat(f.permanent()).isTrue())
        .hasMessage("spec.triggers[0].template.http.url: 'ftp://host/x' must start with http:// or https://");
    assertThatThrownBy(() -> fire(sensor("{url: 'http://127.0.0.1:1/x', method: TRACE}")))
        .hasMessageStartingWith("spec.triggers[0].template.http.method: must be one of");
    assertThatThrownBy(() -> fire(sensor("{url: 'http://127.0.0.1:1/x', timeout: -3}")))
        .hasMessageStartingWith("spec.triggers[0].template.http.timeout: must be a positive number of seconds");
  }

  @Test
  void aMissingSecretOrARefusedConnectionIsTransient() {
    assertThatThrownBy(() -> fire(sensor("{url: 'http://127.0.0.1:1/x', basicAuth: {username: {name: s, key: u},"
        + " password: {name: s, key: p}}}"))).isInstanceOfSatisfying(TriggerFailure.class,
        f -> assertThat(f.permanent()).isFalse())
        .hasMessageContaining("basicAuth.username: secret 's' has no key 'u' in namespace ns");
    HttpSink closed = new HttpSink();
    String url = closed.url("/gone");
    closed.close();
    assertThatThrownBy(() -> fire(sensor("{url: '" + url + "'}"))).isInstanceOfSatisfying(TriggerFailure.class,
        f -> assertThat(f.permanent()).isFalse()).hasMessageContaining("POST " + url + " failed");
  }

  @Test
  void aReceiverThatNeverAnswersFailsTransientlyAfterTheTimeout() throws Exception {
    // accepts the connection and never answers
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/slow";
      assertThatThrownBy(() -> fire(sensor("{url: '" + url + "', timeout: 1}")))
          .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
          .hasMessageContaining("POST " + url + " failed").hasMessageContaining("timed out");
    }
  }
}
