/**
 * The kafka EventSource ({@code spec.kafka}): {@link io.quargo.eventsource.kafka.KafkaSpecParser} reads the spec
 * into {@link io.quargo.eventsource.kafka.KafkaSource}s and {@link io.quargo.eventsource.kafka.KafkaAdapter}
 * consumes each onto the bus as a {@code kafka} CloudEvent.
 *
 * <p>As Argo: {@code url} (comma list), {@code topic}, {@code partition} (without a group: read from the newest
 * offset, nothing committed), {@code consumerGroup {groupName, oldest, rebalanceStrategy}}, {@code jsonBody},
 * {@code limitEventsPerSecond}, {@code tls}, {@code sasl} (PLAIN, SCRAM), {@code metadata}, {@code filter};
 * {@code data} is Argo's {@code KafkaEventData}. With a group an offset is committed only after the bus stored
 * the events up to it.
 *
 * <p>Ours: the event id is a hash of namespace, EventSource, event, topic, partition and offset (Argo's is the
 * unhashed {@code es:event:broker:topic:partition:offset}), so a re-read is deduplicated on the bus. {@code version}
 * and {@code connectionBackoff} are read and not used (the Java client negotiates and reconnects itself).
 * Refused with a message: {@code config} (sarama settings), {@code schemaRegistry}, {@code awsMskIamAuth},
 * {@code tls.insecureSkipVerify}, SASL mechanisms other than PLAIN and SCRAM.
 */
package io.quargo.eventsource.kafka;
