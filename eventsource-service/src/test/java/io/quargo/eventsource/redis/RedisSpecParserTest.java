package io.quargo.eventsource.redis;

import static io.quargo.eventsource.amqp.Specs.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.amqp.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSpecParserTest {
  private final RedisSpecParser parser = new RedisSpecParser((ns, name, key) -> name.equals("redis") ? "pw" : null);

  @Test
  void readsPubSubWithArgosFields() {
    RedisSource s = parser.parsePubSub(eventSource("ns", "es", "redis", "{\"example\": {\"hostAddress\":"
        + " \"redis.argo-events.svc:6380\", \"db\": 2, \"username\": \"u\", \"password\": {\"name\": \"redis\", \"key\": \"p\"},"
        + " \"channels\": [\"FOO\", \"BAR\"], \"jsonBody\": true, \"namespace\": \"argo-events\", \"metadata\": {\"a\": \"b\"}}}"))
        .get(0);

    assertThat(s.endpoint()).isEqualTo(new RedisEndpoint("redis.argo-events.svc", 6380, 2, "u", "pw"));
    assertThat(s.channels()).containsExactly("FOO", "BAR");
    assertThat(s.jsonBody()).isTrue();
    assertThat(s.metadata()).isEqualTo(Map.of("a", "b"));
    assertThat(s.toString()).doesNotContain("pw\"").contains("(password set)");
  }

  @Test
  void tlsIsReadIntoTheEndpoint() {
    RedisStreamSource s = parser.parseStreams(eventSource("ns", "es", "redisStream", "{\"e\": {\"hostAddress\":"
        + " \"redis:6380\", \"streams\": [\"FOO\"], \"tls\": {\"caCertSecret\": {\"name\": \"redis\", \"key\": \"ca\"}}}}"))
        .get(0);
    assertThat(s.endpoint().tls()).isEqualTo(new io.quargo.eventsource.tls.TlsSpec("spec.redisStream.e.tls", "pw", null,
        null, false));
    assertThat(s.endpoint().address()).isEqualTo("tls redis:6380/0");
  }

  @Test
  void readsStreamsWithArgosDefaults() {
    RedisStreamSource s = parser.parseStreams(eventSource("ns", "es", "redisStream", "{\"example\": {\"hostAddress\":"
        + " \"redis\", \"streams\": [\"FOO\"], \"maxMsgCountPerRead\": 0}}")).get(0);

    assertThat(s.endpoint()).isEqualTo(new RedisEndpoint("redis", 6379, 0, null, null));
    assertThat(s.consumerGroup()).isEqualTo("argo-events-cg");
    assertThat(s.maxMsgCountPerRead()).isEqualTo(10);
    RedisStreamSource custom = parser.parseStreams(eventSource("ns", "es", "redisStream", "{\"e\": {\"hostAddress\":"
        + " \"r:1\", \"streams\": [\"A\", \"B\"], \"consumerGroup\": \"g\", \"maxMsgCountPerRead\": \"50\"}}")).get(0);
    assertThat(custom.consumerGroup()).isEqualTo("g");
    assertThat(custom.maxMsgCountPerRead()).isEqualTo(50);
    assertThat(custom.streams()).containsExactly("A", "B");
  }

  @Test
  void errorsNameTheJsonPath() {
    assertPubSubError("{\"e\": {\"channels\": [\"c\"]}}", "spec.redis.e.hostAddress: is required");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h:1\"}}", "spec.redis.e.channels: is required: list at least one");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h:1\", \"channels\": []}}",
        "spec.redis.e.channels: is required: list at least one");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h:1\", \"channels\": [\"\"]}}",
        "spec.redis.e.channels[0]: must be a non-empty string, got ''");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h:99999\", \"channels\": [\"c\"]}}",
        "spec.redis.e.hostAddress: must be host:port with a port from 1 to 65535, got 'h:99999'");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h\", \"channels\": \"c\"}}",
        "spec.redis.e.channels: must be a list of strings, got string");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h\", \"channels\": [\"c\"], \"db\": -1}}",
        "spec.redis.e.db: must be between 0 and 65535, got -1");
    assertPubSubError("{\"e\": {\"hostAddress\": \"h\", \"channels\": [\"c\"], \"password\": {\"name\": \"x\", \"key\": \"k\"}}}",
        "spec.redis.e.password: secret 'x' has no key 'k'");
    assertThatThrownBy(() -> parser.parseStreams(eventSource("ns", "es", "redisStream",
        "{\"e\": {\"hostAddress\": \"h\"}}"))).isInstanceOf(EventSourceSpecException.class)
        .hasMessage("spec.redisStream.e.streams: is required: list at least one");
    assertThatThrownBy(() -> parser.parseStreams(eventSource("ns", "es", "redisStream",
        "{\"e\": {\"hostAddress\": \"h\", \"streams\": [\"s\"], \"tls\": {}}}"))).isInstanceOf(EventSourceSpecException.class)
        .hasMessageStartingWith("spec.redisStream.e.tls: names no secret: set caCertSecret");
    assertThatThrownBy(() -> parser.parsePubSub(eventSource("ns", "es", "redis", "{\"e\": {\"hostAddress\": \"h\","
        + " \"channels\": [\"c\"], \"tls\": {\"clientKeySecret\": {\"name\": \"redis\", \"key\": \"k\"}}}}")))
        .isInstanceOf(EventSourceSpecException.class)
        .hasMessage("spec.redis.e.tls: clientCertSecret and clientKeySecret go together; set both or neither");
  }

  @Test
  void payloadsAreArgosShapes() {
    assertThat(RedisPayload.message("FOO", "", "hello", false, Map.of()).toString())
        .isEqualTo("{\"channel\":\"FOO\",\"pattern\":\"\",\"body\":\"hello\"}");
    assertThat(RedisPayload.message("FOO", "", "{\"a\":1}", true, Map.of("k", "v")).toString())
        .isEqualTo("{\"channel\":\"FOO\",\"pattern\":\"\",\"body\":{\"a\":1},\"metadata\":{\"k\":\"v\"}}");
    assertThat(RedisPayload.streamEntry("FOO", "1-0", Map.of("f", "v"), Map.of()).toString())
        .isEqualTo("{\"stream\":\"FOO\",\"message_id\":\"1-0\",\"values\":{\"f\":\"v\"}}");
    assertThatThrownBy(() -> RedisPayload.message("FOO", "", "nope", true, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyUpstreamRedisAndRedisStreamExampleParses() throws Exception {
    List<Object> parsed = new ArrayList<>();
    for (Resource example : Specs.upstreamExamples("redis")) {
      parsed.addAll(parser.parsePubSub(example));
    }
    for (Resource example : Specs.upstreamExamples("redisStream")) {
      parsed.addAll(parser.parseStreams(example));
    }
    assertThat(parsed).extracting(Object::toString).contains(
        "redis/example redis.argo-events.svc:6379/0 channels [FOO]",
        "redisStream/example redis.argo-events.svc:6379/0 streams [FOO] group argo-events-cg");
  }

  private void assertPubSubError(String entries, String message) {
    assertThatThrownBy(() -> parser.parsePubSub(eventSource("ns", "es", "redis", entries)))
        .isInstanceOf(EventSourceSpecException.class).hasMessage(message);
  }
}
