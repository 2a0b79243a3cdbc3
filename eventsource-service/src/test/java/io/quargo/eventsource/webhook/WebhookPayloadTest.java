package io.quargo.eventsource.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

  @Test
  void headersAreCanonicalGroupedWithoutHostAndAuthorizationIsMasked() throws Exception {
    ObjectNode data = WebhookPayload.build("POST", List.of(
        Map.entry("host", "example.com"), Map.entry("x-request-id", "1"), Map.entry("X-REQUEST-ID", "2"),
        Map.entry("authorization", "Bearer secret"), Map.entry("content-type", "application/json")),
        null, bytes("{\"a\": 1}"), Map.of("k", "v"));

    assertThat(data.toString()).isEqualTo("{\"header\":{\"X-Request-Id\":[\"1\",\"2\"],"
        + "\"Authorization\":[\"*** Masked Auth Secret ***\"],\"Content-Type\":[\"application/json\"]},"
        + "\"body\":{\"a\":1},\"metadata\":{\"k\":\"v\"}}");
  }

  @Test
  void getBodiesAreTheQueryAndFormBodiesTheirFields() throws Exception {
    ObjectNode get = WebhookPayload.build("GET", List.of(), "a=1&a=2&b&c=%2F", new byte[0], Map.of());
    assertThat(get.get("body").toString()).isEqualTo("{\"a\":[\"1\",\"2\"],\"b\":[\"\"],\"c\":[\"/\"]}");
    assertThat(get.get("metadata").isNull()).isTrue();

    ObjectNode form = WebhookPayload.build("POST",
        List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
        "ignored=1", bytes("x=1+2&y=%C3%A9"), Map.of());
    assertThat(form.get("body").toString()).isEqualTo("{\"x\":[\"1 2\"],\"y\":[\"é\"]}");
  }

  @Test
  void otherBodiesMustBeJsonAndAnEmptyOneIsNull() throws Exception {
    assertThat(WebhookPayload.build("POST", List.of(), null, new byte[0], Map.of()).get("body").isNull()).isTrue();
    assertThat(WebhookPayload.build("PUT", List.of(), null, bytes("[1, \"x\"]"), Map.of()).get("body").toString())
        .isEqualTo("[1,\"x\"]");
    assertThatThrownBy(() -> WebhookPayload.build("POST", List.of(), null, bytes("plain text"), Map.of()))
        .isInstanceOf(WebhookPayload.InvalidBodyException.class).hasMessageStartingWith("the request body is not valid JSON");
  }

  @Test
  void canonicalHeaderNamesFollowGo() {
    assertThat(WebhookPayload.canonical("x-github-event")).isEqualTo("X-Github-Event");
    assertThat(WebhookPayload.canonical("CONTENT-LENGTH")).isEqualTo("Content-Length");
    assertThat(WebhookPayload.canonical("bad name")).isEqualTo("bad name");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
