package io.quargo.eventbus.publish;

/**
 * JetStream's acknowledgement of one publish: the message is stored.
 *
 * @param subject where it was published
 * @param msgId its {@code Nats-Msg-Id}, or null when published without one
 * @param stream the stream that stored it
 * @param seq its sequence number in that stream
 * @param duplicate true when the server had already stored a message with this id within the stream's
 *     duplicate window and kept only the first; {@code seq} is then the first one's
 */
public record PublishResult(String subject, String msgId, String stream, long seq, boolean duplicate) {}
