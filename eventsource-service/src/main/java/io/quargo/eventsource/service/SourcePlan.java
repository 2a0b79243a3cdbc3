package io.quargo.eventsource.service;

import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventsource.amqp.AmqpAdapter;
import io.quargo.eventsource.amqp.AmqpSpecParser;
import io.quargo.eventsource.calendar.CalendarSpecParser;
import io.quargo.eventsource.calendar.KvTickLedger;
import io.quargo.eventsource.file.FileSpecParser;
import io.quargo.eventsource.kafka.KafkaAdapter;
import io.quargo.eventsource.kafka.KafkaSpecParser;
import io.quargo.eventsource.minio.KvSnapshotStore;
import io.quargo.eventsource.minio.MinioAdapter;
import io.quargo.eventsource.minio.MinioSpecParser;
import io.quargo.eventsource.github.GithubSpecParser;
import io.quargo.eventsource.gitlab.GitlabSpecParser;
import io.quargo.eventsource.mqtt.MqttAdapter;
import io.quargo.eventsource.mqtt.MqttSpecParser;
import io.quargo.eventsource.nats.NatsSpecParser;
import io.quargo.eventsource.redis.RedisPubSubAdapter;
import io.quargo.eventsource.redis.RedisSpecParser;
import io.quargo.eventsource.redis.RedisStreamAdapter;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventsource.resource.ResourceAdapter;
import io.quargo.eventsource.resource.ResourceSpecParser;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.webhook.EventFilter;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookSpecParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one EventSource asks for: webhook routes (served by the shared per-port servers) and adapters for every
 * other type, with each event's filter. Parsing all of it first means a bad spec changes nothing.
 */
record SourcePlan(List<WebhookRoute> routes, List<EventSourceAdapter> adapters, Map<String, EventFilter> filters,
    List<String> unsupported) {

  /** Types the standalone service runs; others are reported in status as unsupported. */
  static final Set<String> TYPES = Set.of("webhook", "calendar", "nats", "file", "amqp", "mqtt", "redis",
      "redisStream", "kafka", "minio", "resource", "github", "gitlab");

  /**
   * Spec fields that are not event sources. {@code replica} is Argo's deprecated spelling of {@code replicas};
   * {@code type} is v0.x's source type marker, still in Argo's tutorials and ignored by Argo since.
   */
  private static final Set<String> NOT_SOURCES = Set.of("template", "service", "eventBusName", "replicas", "replica",
      "type");

  /** {@code cluster}: the apiserver resource sources watch. */
  static SourcePlan of(Resource es, BusConnection bus, SecretResolver secrets, ClusterAccess cluster) {
    List<WebhookRoute> routes = new ArrayList<>();
    List<EventSourceAdapter> adapters = new ArrayList<>();
    Map<String, EventFilter> filters = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    var spec = es.spec();
    if (spec.has("webhook")) {
      routes.addAll(new WebhookSpecParser(secrets).parse(es));
    }
    if (spec.has("github")) {
      routes.addAll(new GithubSpecParser(secrets).parse(es));
    }
    if (spec.has("gitlab")) {
      routes.addAll(new GitlabSpecParser(secrets).parse(es));
    }
    if (spec.has("calendar")) {
      CalendarSpecParser p = new CalendarSpecParser();
      filters.putAll(CalendarSpecParser.filters(p.parse(es)));
      adapters.addAll(p.adapters(es, KvTickLedger.ensure(bus)));
    }
    if (spec.has("nats")) {
      NatsSpecParser p = new NatsSpecParser(secrets);
      filters.putAll(NatsSpecParser.filters(p.parse(es)));
      adapters.addAll(p.adapters(es));
    }
    if (spec.has("file")) {
      FileSpecParser p = new FileSpecParser();
      filters.putAll(FileSpecParser.filters(p.parse(es)));
      adapters.addAll(p.adapters(es));
    }
    if (spec.has("amqp")) {
      new AmqpSpecParser(secrets).parse(es).forEach(s -> {
        putFilter(filters, s.eventName(), s.filter());
        adapters.add(new AmqpAdapter(s));
      });
    }
    if (spec.has("mqtt")) {
      new MqttSpecParser(secrets).parse(es).forEach(s -> {
        putFilter(filters, s.eventName(), s.filter());
        adapters.add(new MqttAdapter(s));
      });
    }
    if (spec.has("redis")) {
      new RedisSpecParser(secrets).parsePubSub(es).forEach(s -> {
        putFilter(filters, s.eventName(), s.filter());
        adapters.add(new RedisPubSubAdapter(s));
      });
    }
    if (spec.has("redisStream")) {
      new RedisSpecParser(secrets).parseStreams(es).forEach(s -> {
        putFilter(filters, s.eventName(), s.filter());
        adapters.add(new RedisStreamAdapter(s));
      });
    }
    if (spec.has("kafka")) {
      new KafkaSpecParser(secrets).parse(es).forEach(s -> {
        putFilter(filters, s.eventName(), s.filter());
        adapters.add(new KafkaAdapter(s));
      });
    }
    if (spec.has("minio")) {
      var minio = new MinioSpecParser(secrets).parse(es);
      if (!minio.isEmpty()) {
        KvSnapshotStore snapshots = KvSnapshotStore.ensure(bus);
        minio.forEach(s -> adapters.add(new MinioAdapter(s, snapshots, MinioAdapter.DEFAULT_POLL_INTERVAL)));
      }
    }
    if (spec.has("resource")) {
      new ResourceSpecParser().parse(es).forEach(s -> adapters.add(new ResourceAdapter(s, cluster)));
    }
    spec.fieldNames().forEachRemaining(f -> {
      if (!TYPES.contains(f) && !NOT_SOURCES.contains(f)) {
        unsupported.add(f);
      }
    });
    return new SourcePlan(routes, adapters, filters, unsupported);
  }

  private static void putFilter(Map<String, EventFilter> filters, String event, EventFilter filter) {
    if (filter != null) {
      filters.put(event, filter);
    }
  }
}
