package io.quargo.eventbus.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.eventbus.BusException;
import io.quargo.eventbus.publish.PublishException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PublishFailuresTest {

  @Test
  void noRespondersMeansNoStream() {
    PublishException e = translate(new RuntimeException(
        new IOException("Error Publishing: 503 No Responders Available For Request")));

    assertThat(e.reason()).isEqualTo(Reason.NO_STREAM);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).startsWith("publish to events.ns.es.e (Nats-Msg-Id abc) failed: no JetStream stream")
        .contains("nats://h:4222").contains("ensureStream");
  }

  @Test
  void missingAcksAreTimeoutsThatSayTheMessageMayBeStored() {
    for (Throwable t : new Throwable[] {
        new IOException("Timeout or no response waiting for NATS JetStream server"),
        new ExecutionException(new CancellationException("Future cancelled, response not registered in time")),
        new CompletionException(new TimeoutException())}) {
      PublishException e = translate(t);
      assertThat(e.reason()).as(t.toString()).isEqualTo(Reason.TIMEOUT);
      assertThat(e.getMessage()).contains("within 2000ms").contains("may or may not be stored")
          .contains("quargo.bus.publish.ack-timeout");
    }
  }

  @Test
  void aClosedOrReconnectingConnectionIsDisconnected() {
    PublishException e = translate(new IllegalStateException("Unable to queue any more messages during reconnect"));

    assertThat(e.reason()).isEqualTo(Reason.DISCONNECTED);
    assertThat(e.getMessage()).contains("nothing was sent").contains("Unable to queue");
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExistingPublishExceptionIsKept() {
    PublishException original = PublishFailures.failure("s", "id", Reason.INVALID, "bad", null);

    assertThat(translate(new CompletionException(original))).isSameAs(original);
  }

  @Test
  void optionsComeFromConfigAndAreValidated() {
    PublisherOptions options = PublisherOptions.from(Map.of(
        "quargo.bus.publish.max-in-flight", "64", "quargo.bus.publish.ack-timeout", "750ms"));

    assertThat(options).isEqualTo(new PublisherOptions(64, Duration.ofMillis(750)));
    assertThat(PublisherOptions.from(Map.of())).isEqualTo(PublisherOptions.defaults());
    assertThatThrownBy(() -> PublisherOptions.from(Map.of("quargo.bus.publish.max-in-flight", "0")))
        .isInstanceOf(BusException.class).hasMessageContaining("max-in-flight must be at least 1");
    assertThatThrownBy(() -> PublisherOptions.from(Map.of("quargo.bus.publish.ack-timeout", "fast")))
        .hasMessageContaining("quargo.bus.publish.ack-timeout='fast'");
  }

  private static PublishException translate(Throwable t) {
    return PublishFailures.translate("events.ns.es.e", "abc", t, Duration.ofSeconds(2), "nats://h:4222");
  }
}
