package io.quargo.eventbus.publish;

import io.quargo.eventbus.BusException;

/**
 * A publish that JetStream did not acknowledge. Never swallowed: a source answers its upstream with a
 * retry (HTTP 503, nack) instead of acknowledging, and a retry with the same {@code Nats-Msg-Id} is
 * deduplicated by the server.
 */
public class PublishException extends BusException {

  /** Why the publish failed. */
  public enum Reason {
    /** The connection is down; nothing was sent. */
    DISCONNECTED(true),
    /** No stream captures the subject (the server answered "no responders"). */
    NO_STREAM(true),
    /** No acknowledgement in time; the message may or may not be stored. */
    TIMEOUT(true),
    /** The stream refused it (e.g. a limit with discard new, or a failed expectation). */
    REJECTED(false),
    /** Every in-flight slot is taken and the caller asked not to wait; nothing was sent. */
    BUSY(true),
    /** The caller's thread was interrupted while waiting. */
    INTERRUPTED(true),
    /** The arguments cannot be published (bad subject, missing id...). */
    INVALID(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final String subject;
  private final String msgId;
  private final Reason reason;

  public PublishException(String subject, String msgId, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.subject = subject;
    this.msgId = msgId;
    this.reason = reason;
  }

  public String subject() {
    return subject;
  }

  /** The {@code Nats-Msg-Id} of the failed publish, or null. */
  public String msgId() {
    return msgId;
  }

  public Reason reason() {
    return reason;
  }

  /** True when the same publish may succeed later (bus back, stream created); false for a refusal. */
  public boolean retryable() {
    return reason.retryable;
  }
}
