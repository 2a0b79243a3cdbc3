package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceFilterTest {
  private static final Instant START = Instant.parse("2026-01-01T10:00:00.500Z");
  private static final Instant NOW = Instant.parse("2026-01-01T10:05:00Z");

  private static JsonNode object(String name, String created, String extra) {
    return Json.parse(("{\"metadata\":{\"name\":\"" + name + "\",\"creationTimestamp\":\"" + created + "\""
        + extra + "},\"spec\":{\"serviceAccountName\":\"builder\",\"replicas\":3}}").getBytes());
  }

  private static ResourceFilter filter(String entry) {
    return Sources.one("{version: v1, resource: pods, eventTypes: [ADD], filter: " + entry + "}").filter();
  }

  @Test
  void prefixAndCreatedBy() {
    ResourceFilter f = filter("{prefix: hello, createdBy: \"2026-01-01T09:00:00Z\"}");
    assertThat(f.accepts(object("hello-1", "2026-01-01T08:00:00Z", ""), ResourceEventType.ADD, START, NOW)).isTrue();
    assertThat(f.accepts(object("bye-1", "2026-01-01T08:00:00Z", ""), ResourceEventType.ADD, START, NOW)).isFalse();
    assertThat(f.accepts(object("hello-2", "2026-01-01T09:30:00Z", ""), ResourceEventType.ADD, START, NOW)).isFalse();
  }

  @Test
  void afterStartUsesTheChangesTime() {
    ResourceFilter f = filter("{afterStart: true}");
    // created in the start's second (timestamps have whole seconds) counts as after the start
    assertThat(f.accepts(object("a", "2026-01-01T10:00:00Z", ""), ResourceEventType.ADD, START, NOW)).isTrue();
    assertThat(f.accepts(object("a", "2026-01-01T09:59:59Z", ""), ResourceEventType.ADD, START, NOW)).isFalse();
    // an update: the latest managed-fields Update, else when we saw it
    String managed = ",\"managedFields\":[{\"operation\":\"Update\",\"time\":\"2026-01-01T09:59:00Z\"}]";
    assertThat(f.accepts(object("a", "2026-01-01T09:00:00Z", managed), ResourceEventType.UPDATE, START, NOW))
        .isFalse();
    assertThat(f.accepts(object("a", "2026-01-01T09:00:00Z", ""), ResourceEventType.UPDATE, START, NOW)).isTrue();
    String deleted = ",\"deletionTimestamp\":\"2026-01-01T09:59:00Z\"";
    assertThat(f.accepts(object("a", "2026-01-01T09:00:00Z", deleted), ResourceEventType.DELETE, START, NOW))
        .isFalse();
  }

  @Test
  void fieldsAreRegularExpressionsOnDotPaths() {
    JsonNode pod = object("a", "2026-01-01T09:00:00Z", ",\"labels\":{\"app.kubernetes.io/name\":\"web\"}");
    assertThat(filter("{fields: [{key: spec.serviceAccountName, operation: ==, value: \"build.*\"}]}")
        .accepts(pod, ResourceEventType.ADD, START, NOW)).isTrue();
    assertThat(filter("{fields: [{key: spec.serviceAccountName, operation: \"!=\", value: \"build\"}]}")
        .accepts(pod, ResourceEventType.ADD, START, NOW)).isFalse();
    assertThat(filter("{fields: [{key: spec.missing, value: \".*\"}]}")
        .accepts(pod, ResourceEventType.ADD, START, NOW)).isFalse();
    assertThat(filter("{fields: [{key: 'metadata.labels.app\\.kubernetes\\.io/name', value: \"^web$\"}]}")
        .accepts(pod, ResourceEventType.ADD, START, NOW)).isTrue();
    assertThat(filter("{fields: [{key: spec.replicas, value: \"^3$\"}]}")
        .accepts(pod, ResourceEventType.ADD, START, NOW)).isTrue();
  }
}
