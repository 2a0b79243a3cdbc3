package io.quargo.eventsource.webhook;

import static io.quargo.eventsource.webhook.WebhookHttp.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSpecParserTest {
  private final WebhookSpecParser parser = new WebhookSpecParser(
      (ns, name, key) -> name.equals("auth") && key.equals("token") ? "tok\n" : null);

  @Test
  void readsArgosFieldsWithTheirDefaults() {
    List<WebhookRoute> routes = parser.parse(eventSource("team", "hooks", """
        {"example": {"port": "12000", "endpoint": "/example", "method": "post"},
         "full": {"port": 12001, "endpoint": "/full", "method": "GET", "maxPayloadSize": 2048,
                  "metadata": {"a": "b"}, "filter": {"expression": "body.x == 1"},
                  "authSecret": {"name": "auth", "key": "token"}}}
        """));

    assertThat(routes).hasSize(2);
    WebhookRoute example = routes.get(0);
    assertThat(example.namespace()).isEqualTo("team");
    assertThat(example.eventSource()).isEqualTo("hooks");
    assertThat(example.eventName()).isEqualTo("example");
    assertThat(example.port()).isEqualTo(12000);
    assertThat(example.method()).isEqualTo("POST");
    assertThat(example.maxPayloadSize()).isEqualTo(1_048_576);
    assertThat(example.metadata()).isEmpty();
    assertThat(example.filter()).isNull();
    assertThat(example.authToken()).isNull();
    WebhookRoute full = routes.get(1);
    assertThat(full.port()).isEqualTo(12001);
    assertThat(full.maxPayloadSize()).isEqualTo(2048);
    assertThat(full.metadata()).isEqualTo(Map.of("a", "b"));
    assertThat(full.filter().expression()).isEqualTo("body.x == 1");
    assertThat(full.authToken()).isEqualTo("tok");
    assertThat(full.toString()).doesNotContain("tok\"").contains("bearer token required");
  }

  @Test
  void anEventSourceWithoutWebhooksHasNoRoutes() {
    assertThat(parser.parse(eventSource("ns", "none", "null"))).isEmpty();
  }

  @Test
  void errorsNameTheJsonPath() {
    assertError("{\"example\": {\"port\": \"abc\", \"endpoint\": \"/e\", \"method\": \"POST\"}}",
        "spec.webhook.example.port: must be a number, got 'abc'");
    assertError("{\"example\": {\"port\": \"70000\", \"endpoint\": \"/e\", \"method\": \"POST\"}}",
        "spec.webhook.example.port: must be between 1 and 65535, got 70000");
    assertError("{\"example\": {\"endpoint\": \"/e\", \"method\": \"POST\"}}", "spec.webhook.example.port: is required");
    assertError("{\"example\": {\"port\": \"1\", \"method\": \"POST\"}}", "spec.webhook.example.endpoint: is required");
    assertError("{\"example\": {\"port\": \"1\", \"endpoint\": \"e\", \"method\": \"POST\"}}",
        "spec.webhook.example.endpoint: must start with '/', got 'e'");
    assertError("{\"example\": {\"port\": \"1\", \"endpoint\": \"/e\"}}", "spec.webhook.example.method: is required");
    assertError("{\"example\": {\"port\": \"1\", \"endpoint\": \"/e\", \"method\": \"POST\", \"maxPayloadSize\": 0}}",
        "spec.webhook.example.maxPayloadSize: must be a positive number of bytes, got 0");
    assertError("{\"example\": {\"port\": \"1\", \"endpoint\": \"/e\", \"method\": \"POST\", \"metadata\": {\"a\": {}}}}",
        "spec.webhook.example.metadata.a: must be a string, got object");
    assertError("{\"example\": \"x\"}", "spec.webhook.example: must be an object with endpoint, method and port, got string");
    assertError("[1]", "spec.webhook: must be a map of event name to webhook, got array");
  }

  @Test
  void aFilterThatDoesNotCompileIsReportedAtItsPath() {
    assertThatThrownBy(() -> parse("{\"e\": {\"port\": \"1\", \"endpoint\": \"/e\", \"method\": \"POST\","
        + " \"filter\": {\"expression\": \"body.id ==\"}}}"))
        .isInstanceOf(WebhookSpecException.class)
        .hasMessageStartingWith("spec.webhook.e.filter.expression: does not compile: ");
  }

  @Test
  void aMissingAuthSecretNamesTheSecretButNoValue() {
    assertThatThrownBy(() -> parse("{\"e\": {\"port\": \"1\", \"endpoint\": \"/e\", \"method\": \"POST\","
        + " \"authSecret\": {\"name\": \"other\", \"key\": \"token\"}}}"))
        .isInstanceOf(WebhookSpecException.class)
        .hasMessage("spec.webhook.e.authSecret: secret 'other' has no key 'token' (or it is empty)");
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    assertError("{\"e\": {\"port\": \"1\", \"endpoint\": \"/e\", \"method\": \"POST\","
        + " \"serverCertSecret\": {\"name\": \"s\", \"key\": \"cert\"}}}",
        "spec.webhook.e.serverKeySecret: is required when serverCertSecret is set: HTTPS needs both the certificate"
            + " and its key");
  }

  private List<WebhookRoute> parse(String webhook) {
    return parser.parse(eventSource("ns", "hooks", webhook));
  }

  private void assertError(String webhook, String message) {
    assertThatThrownBy(() -> parse(webhook)).isInstanceOf(WebhookSpecException.class).hasMessage(message);
  }
}
