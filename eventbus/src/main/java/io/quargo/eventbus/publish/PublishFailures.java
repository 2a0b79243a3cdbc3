package io.quargo.eventbus.publish;

import io.nats.client.JetStreamApiException;
import io.quargo.eventbus.publish.PublishException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns whatever jnats threw into a {@link PublishException} that says what happened and what to do. */
final class PublishFailures {
  private PublishFailures() {}

  static PublishException translate(String subject, String msgId, Throwable thrown, Duration ackTimeout, String bus) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof PublishException p) {
      return p;
    }
    String text = String.valueOf(cause.getMessage());
    if (cause instanceof JetStreamApiException api) {
      return failure(subject, msgId, Reason.REJECTED, "the stream refused it: " + api.getErrorDescription()
          + " [JetStream error " + api.getApiErrorCode() + "]. Check the stream's limits and discard policy", cause);
    }
    if (text.contains("503") || text.contains("No Responders")) {
      return failure(subject, msgId, Reason.NO_STREAM, "no JetStream stream captures this subject on " + bus
          + ". Create it (Topology.ensureStandard / ensureStream) or fix the subject", cause);
    }
    if (cause instanceof TimeoutException || cause instanceof CancellationException
        || (cause instanceof IOException && text.toLowerCase().contains("timeout"))) {
      return failure(subject, msgId, Reason.TIMEOUT, "no acknowledgement from JetStream on " + bus + " within "
          + ackTimeout.toMillis() + "ms; it may or may not be stored. Retry with the same Nats-Msg-Id (the server"
          + " deduplicates it) or raise " + PublisherOptions.PREFIX + "ack-timeout", cause);
    }
    if (cause instanceof IllegalStateException || cause instanceof IOException) {
      return disconnected(subject, msgId, bus + " (" + text + ")", cause);
    }
    return failure(subject, msgId, Reason.REJECTED, text, cause);
  }

  static PublishException disconnected(String subject, String msgId, String where, Throwable cause) {
    return failure(subject, msgId, Reason.DISCONNECTED, "the bus connection to " + where + " is down, nothing was"
        + " sent. Retry once it reconnects; check that nats-server is running (quargo.bus.url)", cause);
  }

  static PublishException failure(String subject, String msgId, Reason reason, String detail, Throwable cause) {
    String id = msgId == null ? "" : " (Nats-Msg-Id " + msgId + ")";
    return new PublishException(subject, msgId, reason, "publish to " + subject + id + " failed: " + detail, cause);
  }

  /** jnats wraps async failures in RuntimeException/CompletionException; the useful cause is inside. */
  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while (current.getCause() != null
        && (current instanceof CompletionException || current instanceof ExecutionException
            || current.getClass() == RuntimeException.class)) {
      current = current.getCause();
    }
    return current;
  }
}
