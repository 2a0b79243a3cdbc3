package io.quargo.eventsource.mqtt;

import static io.quargo.eventsource.amqp.Specs.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.eventsource.amqp.ConnectionBackoff;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.amqp.Specs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttSpecParserTest {
  private final MqttSpecParser parser = new MqttSpecParser((ns, name, key) -> name.equals("creds") ? key + "-v" : null);

  @Test
  void readsArgosFields() {
    MqttSource s = parse("{\"example\": {\"url\": \"tcp://mqtt.argo-events:1884\", \"topic\": \"bar/#\","
        + " \"clientId\": \"2345\", \"jsonBody\": true, \"connectionBackoff\": {\"duration\": 1000000000, \"steps\": 3},"
        + " \"auth\": {\"username\": {\"name\": \"creds\", \"key\": \"user\"}, \"password\": {\"name\": \"creds\", \"key\": \"pw\"}},"
        + " \"metadata\": {\"a\": \"b\"}}}").get(0);

    assertThat(s.host()).isEqualTo("mqtt.argo-events");
    assertThat(s.port()).isEqualTo(1884);
    assertThat(s.topic()).isEqualTo("bar/#");
    assertThat(s.clientId()).isEqualTo("2345");
    assertThat(s.jsonBody()).isTrue();
    assertThat(s.connectionBackoff()).isEqualTo(new ConnectionBackoff(Duration.ofSeconds(1), 3, 1.0, 1.0));
    assertThat(s.username()).isEqualTo("user-v");
    assertThat(s.password()).isEqualTo("pw-v");
    assertThat(s.metadata()).isEqualTo(Map.of("a", "b"));
    assertThat(parse("{\"e\": {\"url\": \"mqtt://h\", \"topic\": \"t\", \"clientId\": \"c\"}}").get(0).port())
        .isEqualTo(1883);
  }

  @Test
  void tlsComesFromAnSslSchemeOrATlsBlock() {
    MqttSource plain = parse("{\"e\": {\"url\": \"tcp://h\", \"topic\": \"t\", \"clientId\": \"c\"}}").get(0);
    assertThat(plain.useTls()).isFalse();
    assertThat(plain.address()).isEqualTo("tcp://h:1883");
    for (String scheme : List.of("ssl", "tls", "mqtts", "tcps")) {
      MqttSource s = parse("{\"e\": {\"url\": \"" + scheme + "://h\", \"topic\": \"t\", \"clientId\": \"c\"}}").get(0);
      assertThat(s.useTls()).as(scheme).isTrue();
      assertThat(s.tls()).isNull();
      assertThat(s.port()).as(scheme).isEqualTo(8883);
    }
    // paho would send plain text under tcp:// despite tls; a tls block asks for TLS, so we use it
    MqttSource block = parse("{\"e\": {\"url\": \"tcp://h:1884\", \"topic\": \"t\", \"clientId\": \"c\","
        + " \"tls\": {\"clientCertSecret\": {\"name\": \"creds\", \"key\": \"cert\"},"
        + " \"clientKeySecret\": {\"name\": \"creds\", \"key\": \"key\"}, \"insecureSkipVerify\": true}}}").get(0);
    assertThat(block.useTls()).isTrue();
    assertThat(block.port()).isEqualTo(1884);
    assertThat(block.address()).isEqualTo("ssl://h:1884");
    assertThat(block.tls().clientCert()).isEqualTo("cert-v");
    assertThat(block.tls().clientKey()).isEqualTo("key-v");
    assertThat(block.tls().insecureSkipVerify()).isTrue();
  }

  @Test
  void errorsNameTheJsonPath() {
    assertError("{\"e\": {\"topic\": \"t\", \"clientId\": \"c\"}}", "spec.mqtt.e.url: is required");
    assertError("{\"e\": {\"url\": \"tcp://h:1883\", \"clientId\": \"c\"}}", "spec.mqtt.e.topic: is required");
    assertError("{\"e\": {\"url\": \"tcp://h:1883\", \"topic\": \"t\"}}", "spec.mqtt.e.clientId: is required");
    assertError("{\"e\": {\"url\": \"h:1883\", \"topic\": \"t\", \"clientId\": \"c\"}}",
        "spec.mqtt.e.url: must be a URL like tcp://mqtt:1883, got 'h:1883'");
    assertError("{\"e\": {\"url\": \"wss://h:8883\", \"topic\": \"t\", \"clientId\": \"c\"}}",
        "spec.mqtt.e.url: MQTT over websockets (wss://) is not supported yet; use tcp://host:1883 or ssl://host:8883");
    assertError("{\"e\": {\"url\": \"tcp://h\", \"topic\": \"t\", \"clientId\": \"c\", \"tls\": {\"caCertPath\": \"/ca.pem\"}}}",
        "spec.mqtt.e.tls.caCertPath: is the file-path form older Argo Events versions read; put the PEM in a Secret"
            + " and name it with caCertSecret: {name, key}");
    assertError("{\"e\": {\"url\": \"tcp://h\", \"topic\": \"a/#/b\", \"clientId\": \"c\"}}",
        "spec.mqtt.e.topic: '#' is only allowed as the last level, got 'a/#/b'");
    assertError("{\"e\": {\"url\": \"tcp://h\", \"topic\": \"t\", \"clientId\": \"c\","
        + " \"auth\": {\"password\": {\"name\": \"creds\", \"key\": \"pw\"}}}}", "spec.mqtt.e.auth.username: is required when auth is given");
    assertError("{\"e\": {\"url\": \"tcp://h\", \"topic\": \"t\", \"clientId\": \"c\", \"connectionBackoff\": {\"steps\": 0}}}",
        "spec.mqtt.e.connectionBackoff.steps: must be between 1 and 1000, got 0");
  }

  @Test
  void payloadIsArgosShape() {
    assertThat(MqttPayload.data("bar", "{\"x\": 1}".getBytes(StandardCharsets.UTF_8), true, Map.of("a", "b")).toString())
        .isEqualTo("{\"topic\":\"bar\",\"messageId\":0,\"body\":{\"x\":1},\"metadata\":{\"a\":\"b\"}}");
    assertThat(MqttPayload.data("bar", "hi".getBytes(StandardCharsets.UTF_8), false, Map.of()).toString())
        .isEqualTo("{\"topic\":\"bar\",\"messageId\":0,\"body\":\"aGk=\"}");
    assertThatThrownBy(() -> MqttPayload.data("bar", "nope".getBytes(StandardCharsets.UTF_8), true, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyUpstreamMqttExampleParses() throws Exception {
    List<MqttSource> parsed = new ArrayList<>();
    for (Resource example : Specs.upstreamExamples("mqtt")) {
      parsed.addAll(parser.parse(example));
    }
    assertThat(parsed).anySatisfy(s -> assertThat(s.toString())
        .isEqualTo("mqtt/example tcp://mqtt.argo-events:1883 topic bar client 2345"));
  }

  private List<MqttSource> parse(String entries) {
    return parser.parse(eventSource("ns", "es", "mqtt", entries));
  }

  private void assertError(String entries, String message) {
    assertThatThrownBy(() -> parse(entries)).isInstanceOf(EventSourceSpecException.class).hasMessage(message);
  }
}
