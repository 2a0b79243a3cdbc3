package io.quargo.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void doublesFromTheFirstDeliveryUpToTheCap() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void fixedIsTheSameEveryTime() {
    assertThat(RetryBackoff.fixed(Duration.ofMillis(100)).delayAfter(7)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void rejectsAShrinkingBackoff() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pullRetryDelayDoublesToFiveSeconds() {
    assertThat(DurableConsumer.retryDelay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(DurableConsumer.retryDelay(3)).isEqualTo(Duration.ofMillis(1000));
    assertThat(DurableConsumer.retryDelay(50)).isEqualTo(Duration.ofSeconds(5));
  }
}
