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

  public void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }
}
