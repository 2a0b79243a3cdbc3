package io.quargo.eventsource.nats;

import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.eventsource.webhook.EventFilter;
import java.util.Map;

/**
 * One entry of {@code spec.nats}, parsed.
 *
 * @param path      the entry's JSON path, used in messages ({@code spec.nats.example})
 * @param subject   the subject (core) or the consumer's filter subject (JetStream; null = the whole stream)
 * @param queue     core queue group, or null
 * @param jetStream null for a core subscription
 * @param tls       null for plain connections
 * @param filter    {@code filter.expression}, or null
 */
public record NatsSpec(String namespace, String eventSource, String eventName, String path, String url,
    String subject, String queue, boolean jsonBody, Map<String, String> metadata, NatsAuth auth,
    ConnectionBackoff backoff, JetStreamSource jetStream, TlsSpec tls, EventFilter filter) {

  public NatsSpec withUrl(String value) {
    return new NatsSpec(namespace, eventSource, eventName, path, value, subject, queue, jsonBody, metadata, auth,
        backoff, jetStream, tls, filter);
  }

  public NatsSpec withNamespace(String value) {
    return new NatsSpec(value, eventSource, eventName, path, url, subject, queue, jsonBody, metadata, auth,
        backoff, jetStream, tls, filter);
  }

  @Override
  public String toString() {
    return path + " " + url + " subject=" + subject + (queue == null ? "" : " queue=" + queue)
        + (jetStream == null ? "" : " stream=" + jetStream.stream() + " durable=" + jetStream.durableName()) + " "
        + auth + (tls == null ? "" : " " + tls);
  }
}
