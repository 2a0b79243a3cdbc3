package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spec.EventSourceSpecException;
import static io.quargo.eventsource.amqp.Specs.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpSpecParserTest {
  private final AmqpSpecParser parser = new AmqpSpecParser((ns, name, key) -> switch (name + "/" + key) {
    case "creds/user" -> "alice";
    case "creds/pass" -> "s3cret\n";
    case "creds/url" -> "amqp://bob:pw@rabbit:5672/vh";
    default -> null;
  });

  private static final String MINIMAL = "\"url\": \"amqp://rabbit:5672\", \"exchangeName\": \"x\","
      + " \"exchangeType\": \"fanout\", \"routingKey\": \"k\"";

  @Test
  void appliesArgosDefaults() {
    List<AmqpSource> sources = parser.parse(eventSource("team", "mq", "amqp", "{\"example\": {" + MINIMAL + "}}"));

    assertThat(sources).hasSize(1);
    AmqpSource s = sources.get(0);
    assertThat(s.namespace()).isEqualTo("team");
    assertThat(s.eventSource()).isEqualTo("mq");
    assertThat(s.eventName()).isEqualTo("example");
    assertThat(s.jsonBody()).isFalse();
    assertThat(s.exchangeDeclare()).isEqualTo(new AmqpSource.ExchangeDeclare(true, false, false, false));
    assertThat(s.queueDeclare()).isEqualTo(new AmqpSource.QueueDeclare("", false, false, true, false, Map.of()));
    assertThat(s.queueBindNoWait()).isFalse();
    assertThat(s.consume().autoAck()).isTrue();
    assertThat(s.connectionBackoff()).isEqualTo(ConnectionBackoff.DEFAULT);
    assertThat(s.username()).isNull();
    assertThat(s.metadata()).isEmpty();
    assertThat(s.filter()).isNull();
  }

  @Test
  void readsEveryBlock() {
    AmqpSource s = parser.parse(eventSource("ns", "mq", "amqp", "{\"full\": {" + MINIMAL + ", \"jsonBody\": true,"
        + " \"exchangeDeclare\": {\"durable\": false, \"autoDelete\": true},"
        + " \"queueDeclare\": {\"name\": \"q\", \"durable\": true, \"noWait\": true,"
        + "   \"arguments\": \"x-queue-type: quorum\\nx-max-length: 10 # cap\\nx-single: 'yes'\"},"
        + " \"queueBind\": {\"noWait\": true}, \"consume\": {\"consumerTag\": \"t\", \"autoAck\": false, \"exclusive\": true},"
        + " \"connectionBackoff\": {\"duration\": \"10s\", \"steps\": 5, \"factor\": 2, \"jitter\": \"0.2\"},"
        + " \"auth\": {\"username\": {\"name\": \"creds\", \"key\": \"user\"}, \"password\": {\"name\": \"creds\", \"key\": \"pass\"}},"
        + " \"metadata\": {\"team\": \"a\"}, \"filter\": {\"expression\": \"body.n > 1\"}}}")).get(0);

    assertThat(s.jsonBody()).isTrue();
    assertThat(s.exchangeDeclare()).isEqualTo(new AmqpSource.ExchangeDeclare(false, true, false, false));
    assertThat(s.queueDeclare()).isEqualTo(new AmqpSource.QueueDeclare("q", true, false, false, true,
        Map.of("x-queue-type", "quorum", "x-max-length", 10, "x-single", "yes")));
    assertThat(s.queueBindNoWait()).isTrue();
    assertThat(s.consume()).isEqualTo(new AmqpSource.Consume("t", false, true, false, false));
    assertThat(s.connectionBackoff()).isEqualTo(new ConnectionBackoff(Duration.ofSeconds(10), 5, 2.0, 0.2));
    assertThat(s.username()).isEqualTo("alice");
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.metadata()).isEqualTo(Map.of("team", "a"));
    assertThat(s.filter().expression()).isEqualTo("body.n > 1");
    assertThat(s.toString()).doesNotContain("s3cret");
  }

  @Test
  void urlSecretIsReadAndNeverShown() {
    AmqpSource s = parser.parse(eventSource("ns", "mq", "amqp", "{\"e\": {\"urlSecret\": {\"name\": \"creds\","
        + " \"key\": \"url\"}, \"exchangeName\": \"x\", \"exchangeType\": \"topic\", \"routingKey\": \"#\"}}")).get(0);
    assertThat(s.url()).isEqualTo("amqp://bob:pw@rabbit:5672/vh");
    assertThat(s.address()).isEqualTo("amqp://rabbit:5672");
    assertThat(s.toString()).doesNotContain("pw");
  }

  @Test
  void errorsNameTheJsonPathAndTheFix() {
    assertError("{\"e\": {\"exchangeName\": \"x\", \"exchangeType\": \"fanout\", \"routingKey\": \"k\"}}",
        "spec.amqp.e.url: is required (or urlSecret): e.g. amqp://rabbitmq:5672");
    assertError("{\"e\": {\"url\": \"http://h\", \"exchangeName\": \"x\", \"exchangeType\": \"fanout\", \"routingKey\": \"k\"}}",
        "spec.amqp.e.url: must be an amqp://host:port or amqps://host:port URL");
    assertError("{\"e\": {\"url\": \"amqp://h\", \"exchangeName\": \"x\", \"routingKey\": \"k\"}}",
        "spec.amqp.e.exchangeType: is required");
    assertError("{\"e\": {\"url\": \"amqp://h\", \"exchangeName\": \"x\", \"exchangeType\": \"fanout\"}}",
        "spec.amqp.e.routingKey: is required");
    assertError("{\"e\": {" + MINIMAL + ", \"jsonBody\": \"yes\"}}", "spec.amqp.e.jsonBody: must be true or false, got 'yes'");
    assertError("{\"e\": {" + MINIMAL + ", \"queueDeclare\": {\"noWait\": true}}}",
        "spec.amqp.e.queueDeclare.noWait: needs queueDeclare.name: a server-named queue's name only comes back in"
            + " the reply noWait skips");
    assertError("{\"e\": {" + MINIMAL + ", \"queueDeclare\": {\"name\": \"q\", \"arguments\": \"a:\\n  nested: 1\"}}}",
        "spec.amqp.e.queueDeclare.arguments: line 1 'a:' is not a 'key: value' entry (only flat tables are supported)");
    assertError("{\"e\": {" + MINIMAL + ", \"consume\": \"x\"}}", "spec.amqp.e.consume: must be an object, got string");
    assertError("{\"e\": {" + MINIMAL + ", \"connectionBackoff\": {\"duration\": \"ten\"}}}",
        "spec.amqp.e.connectionBackoff.duration: must be a duration like \"10s\" or a number of nanoseconds, got 'ten'");
    assertError("{\"e\": {" + MINIMAL + ", \"auth\": {\"username\": {\"name\": \"creds\", \"key\": \"user\"},"
        + " \"password\": {\"name\": \"other\", \"key\": \"pass\"}}}}",
        "spec.amqp.e.auth.password: secret 'other' has no key 'pass'");
    assertError("{\"e\": {" + MINIMAL + ", \"tls\": {}}}", "spec.amqp.e.tls: names no secret: set caCertSecret (the CA"
        + " that signed the server's certificate), clientCertSecret with clientKeySecret (a client certificate), or"
        + " insecureSkipVerify: true");
    assertError("{\"e\": {" + MINIMAL + ", \"tls\": {\"caCertSecret\": {\"name\": \"tls\", \"key\": \"ca\"}}}}",
        "spec.amqp.e.tls.caCertSecret: secret 'tls' has no key 'ca'");
    assertError("{\"e\": [1]}", "spec.amqp.e: must be an object, got array");
    assertError("[1]", "spec.amqp: must be a map of event name to amqp source, got array");
  }

  @Test
  void tlsComesFromAmqpsOrATlsBlock() {
    AmqpSource plain = parse("{\"e\": {" + MINIMAL + "}}").get(0);
    assertThat(plain.useTls()).isFalse();
    assertThat(plain.tls()).isNull();
    AmqpSource amqps = parse("{\"e\": {" + MINIMAL.replace("amqp://rabbit:5672", "amqps://rabbit:5671") + "}}").get(0);
    assertThat(amqps.useTls()).isTrue();
    assertThat(amqps.tls()).isNull();
    // Argo's client would send plain text here; a tls block asks for TLS, so we use it
    AmqpSource block = parse("{\"e\": {" + MINIMAL + ", \"tls\": {\"caCertSecret\": {\"name\": \"creds\","
        + " \"key\": \"user\"}}}}").get(0);
    assertThat(block.useTls()).isTrue();
    assertThat(block.tls().caCert()).isEqualTo("alice");
    assertThat(block.tls().path()).isEqualTo("spec.amqp.e.tls");
    assertThat(block.toString()).contains("tls(ca=true, client=false, insecure=false)").doesNotContain("alice");
  }

  @Test
  void aFilterThatDoesNotCompileIsReportedAtItsPath() {
    assertThatThrownBy(() -> parse("{\"e\": {" + MINIMAL + ", \"filter\": {\"expression\": \"body.n ==\"}}}"))
        .isInstanceOf(EventSourceSpecException.class)
        .hasMessageStartingWith("spec.amqp.e.filter.expression: does not compile: ");
  }

  private List<AmqpSource> parse(String entries) {
    return parser.parse(eventSource("ns", "mq", "amqp", entries));
  }

  private void assertError(String entries, String message) {
    assertThatThrownBy(() -> parse(entries)).isInstanceOf(EventSourceSpecException.class).hasMessage(message);
  }
}
