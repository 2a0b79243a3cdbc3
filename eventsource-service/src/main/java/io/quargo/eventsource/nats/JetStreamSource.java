package io.quargo.eventsource.nats;

import java.time.Duration;

/**
 * Ours, not Argo's: {@code spec.nats.<event>.jetStream}, consume a JetStream stream with a durable pull consumer
 * instead of a core subscription (Argo issue #3160).
 *
 * @param stream        the upstream stream, which must exist
 * @param durableName   the durable consumer's name on the upstream server (created if missing)
 * @param deliverPolicy {@code all} (JetStream's default), {@code new} or {@code last}, for a new consumer only
 * @param ackWait       how long the upstream waits for our ack before redelivering
 */
public record JetStreamSource(String stream, String durableName, String deliverPolicy, Duration ackWait) {}
