package io.quargo.sensor.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A pacer whose sleeps only advance its clock, recording each wait. */
public final class FakePacer implements Pacer {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now.addAndGet(duration.toNanos());
  }

  /** Wall-clock time that moves with this pacer, for what is booked in wall-clock time (shared rate limits). */
  public java.time.Clock clock() {
    java.time.Instant origin = java.time.Instant.parse("2026-01-01T00:00:00Z");
    return new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return origin.plusNanos(now.get());
      }
    };
  }

  public void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }
}
