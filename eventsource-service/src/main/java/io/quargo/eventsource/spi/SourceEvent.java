package io.quargo.eventsource.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event an adapter received, before it becomes a CloudEvent.
 *
 * @param eventName the key under the EventSource's spec map (Argo's event name, the subject's last token)
 * @param type      Argo's event source type: {@code webhook}, {@code calendar}, {@code nats}, {@code amqp}, ...
 * @param id        a stable id derived from the upstream message when it has one (so a redelivered message is
 *                  deduplicated by JetStream's {@code Nats-Msg-Id}), or null for a fresh random id
 * @param time      when the upstream produced it, or null for now
 * @param data      the payload shaped as Argo Events shapes it for this source type
 */
public record SourceEvent(String eventName, String type, String id, Instant time, JsonNode data) {}
