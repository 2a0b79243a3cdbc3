package io.quargo.eventsource.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.calendar.UpstreamExamples;
import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.core.secret.SecretResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsSpecParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecretResolver SECRETS = (ns, name, key) -> name + "/" + key;

  static Resource eventSource(String natsJson) throws Exception {
    return Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource",
         "metadata": {"name": "natsy", "namespace": "team-n"}, "spec": {"nats": %s}}
        """.formatted(natsJson)));
  }

  @Test
  void theUpstreamExampleAndEveryCommentedVariantParse() throws Exception {
    List<NatsSpec> written = new NatsSpecParser(SECRETS).parse(UpstreamExamples.asWritten("nats.yaml"));
    assertThat(written).singleElement().satisfies(s -> {
      assertThat(s.url()).isEqualTo("nats://nats.argo-events.svc:4222");
      assertThat(s.subject()).isEqualTo("foo");
      assertThat(s.jsonBody()).isTrue();
      assertThat(s.backoff()).isEqualTo(new ConnectionBackoff(Duration.ofSeconds(10), 5, 2.0, 0.2));
      assertThat(s.jetStream()).isNull();
    });
    List<NatsSpec> all = new NatsSpecParser(SECRETS).parse(UpstreamExamples.withCommentedVariants("nats.yaml"));
    assertThat(all).extracting(NatsSpec::eventName).containsExactly("example", "example-tls", "example-auth-basic",
        "example-auth-nkey", "example-auth-token", "example-auth-credential", "example-queued-subscription");
    assertThat(all.get(1).tls()).isEqualTo(new TlsSpec("spec.nats.example-tls.tls", "my-secret/ca-cert-key",
        "my-secret/client-cert-key", "my-secret/client-key-key", false));
    List<NatsSpec> variants = all.stream().filter(s -> s.tls() == null).toList();
    assertThat(variants.get(1).auth()).isEqualTo(new NatsAuth("my-secret/name", "my-secret/password", null, null, null));
    assertThat(variants.get(2).auth().nkeySeed()).isEqualTo("my-secret/my-key");
    assertThat(variants.get(3).auth().token()).isEqualTo("my-secret/my-token");
    assertThat(variants.get(4).auth().credential()).isEqualTo("my-secret/my-credential");
    assertThat(variants.get(5).queue()).isEqualTo("my-queue");
    assertThat(variants.get(1).toString()).contains("auth=basic").doesNotContain("my-secret");
  }

  @Test
  void jetStreamBlockWithDefaults() throws Exception {
    NatsSpec spec = new NatsSpecParser(SECRETS).parse(eventSource(
        "{\"orders\": {\"url\": \"nats://h:4222\", \"jetStream\": {\"stream\": \"ORDERS\"}}}")).get(0);
    assertThat(spec.subject()).isNull();
    assertThat(spec.jetStream()).isEqualTo(new JetStreamSource("ORDERS", "quargo-natsy-orders", "all",
        Duration.ofSeconds(30)));
  }

  @Test
  void errorsNameThePathAndTheFix() {
    assertError("{\"e\": {\"subject\": \"foo\"}}", "spec.nats.e.url: is required");
    assertError("{\"e\": {\"url\": \"http://h:80\", \"subject\": \"foo\"}}", "spec.nats.e.url: 'http://h:80' is not a nats URL");
    assertError("{\"e\": {\"url\": \"nats://h:4222\"}}", "spec.nats.e.subject: is required");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"jsonBody\": \"yes\"}}",
        "spec.nats.e.jsonBody: must be true or false");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"tls\": {\"clientCertSecret\": {\"name\": \"s\", \"key\": \"c\"}}}}",
        "spec.nats.e.tls: clientCertSecret and clientKeySecret go together");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"tls\": {\"caCertSecret\": \"ca\"}}}",
        "spec.nats.e.tls.caCertSecret: must name a secret as {name, key}");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"auth\": {\"token\": \"x\"}}}",
        "spec.nats.e.auth.token: must name a secret as {name, key}");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"auth\": {}}}",
        "spec.nats.e.auth: must set exactly one of basic, token, nkey, credential, got []");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"connectionBackoff\": {\"duration\": \"x\"}}}",
        "spec.nats.e.connectionBackoff.duration: 'x' is not a Go duration");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"connectionBackoff\": {\"factor\": \"big\"}}}",
        "spec.nats.e.connectionBackoff.factor: must be a number, got 'big'");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"jetStream\": {}}}", "spec.nats.e.jetStream.stream: is required");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"jetStream\": {\"stream\": \"S\", \"deliverPolicy\": \"first\"}}}",
        "spec.nats.e.jetStream.deliverPolicy: must be all, new or last");
    assertError("{\"e\": {\"url\": \"nats://h:4222\", \"queue\": \"q\", \"jetStream\": {\"stream\": \"S\"}}}",
        "spec.nats.e.queue: a queue group is for core subscriptions");
  }

  @Test
  void aMissingSecretIsReported() {
    assertThatThrownBy(() -> new NatsSpecParser(SecretResolver.none()).parse(eventSource(
        "{\"e\": {\"url\": \"nats://h:4222\", \"subject\": \"f\", \"auth\": {\"token\": {\"name\": \"s\", \"key\": \"k\"}}}}")))
        .isInstanceOf(EventSourceSpecException.class)
        .hasMessage("spec.nats.e.auth.token: secret 's' has no key 'k' (or it is empty)");
  }

  private static void assertError(String natsJson, String start) {
    assertThatThrownBy(() -> new NatsSpecParser(SECRETS).parse(eventSource(natsJson)))
        .isInstanceOf(EventSourceSpecException.class).hasMessageStartingWith(start);
  }

  @Test
  void metadataAndFilterAreRead() throws Exception {
    NatsSpec spec = new NatsSpecParser(SECRETS).parse(eventSource("{\"e\": {\"url\": \"nats://h:4222\","
        + " \"subject\": \"f\", \"metadata\": {\"a\": \"b\"}, \"filter\": {\"expression\": \"body.n > 1\"}}}")).get(0);
    assertThat(spec.metadata()).isEqualTo(Map.of("a", "b"));
    assertThat(spec.filter().expression()).isEqualTo("body.n > 1");
    assertThat(NatsSpecParser.filters(List.of(spec))).containsOnlyKeys("e");
    assertThat(new NatsSpecParser(SECRETS).adapters(UpstreamExamples.asWritten("nats.yaml"))).hasSize(1);
  }
}
