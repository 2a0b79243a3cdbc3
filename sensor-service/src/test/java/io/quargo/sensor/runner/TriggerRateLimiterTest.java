package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.sensor.spec.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TriggerRateLimiterTest {
  @Test
  void spacesExecutionsEvenlyOverTheUnit() throws InterruptedException {
    FakePacer pacer = new FakePacer();
    TriggerRateLimiter limiter = new TriggerRateLimiter(new RateLimit(Duration.ofMinutes(1), 4), pacer);
    assertThat(limiter.take()).isZero();
    assertThat(limiter.take()).isEqualTo(Duration.ofSeconds(15));
    assertThat(limiter.take()).isEqualTo(Duration.ofSeconds(15));
    assertThat(pacer.sleeps).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
  }

  @Test
  void waitsOnlyForWhatIsLeftOfTheInterval() throws InterruptedException {
    FakePacer pacer = new FakePacer();
    TriggerRateLimiter limiter = new TriggerRateLimiter(new RateLimit(Duration.ofSeconds(1), 2), pacer);
    limiter.take();
    pacer.advance(Duration.ofMillis(200));
    assertThat(limiter.take()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anIdleTriggerRunsAtOnceButDoesNotSaveUpABurst() throws InterruptedException {
    FakePacer pacer = new FakePacer();
    TriggerRateLimiter limiter = new TriggerRateLimiter(new RateLimit(Duration.ofHours(1), 1), pacer);
    limiter.take();
    pacer.advance(Duration.ofHours(5));
    assertThat(limiter.take()).isZero();
    assertThat(limiter.take()).isEqualTo(Duration.ofHours(1));
  }
}
