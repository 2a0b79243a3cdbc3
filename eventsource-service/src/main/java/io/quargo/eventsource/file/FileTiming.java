package io.quargo.eventsource.file;

import java.time.Duration;

/**
 * How a {@link FileAdapter} looks and retries.
 *
 * @param rescan         longest wait between directory scans when notifications are quiet (or with {@code polling})
 * @param retryMin       first retry after a failed publish; doubles up to {@code retryMax}
 * @param publishTimeout how long one publish may wait for the bus's acknowledgement
 */
public record FileTiming(Duration rescan, Duration retryMin, Duration retryMax, Duration publishTimeout) {
  public static final FileTiming DEFAULT =
      new FileTiming(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));
  /** radovskyb/watcher, which Argo's {@code polling: true} uses, polls every 100ms. */
  public static final Duration POLLING = Duration.ofMillis(100);

  Duration retryAfter(int failures) {
    Duration d = retryMin.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
