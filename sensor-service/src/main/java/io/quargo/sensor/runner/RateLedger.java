package io.quargo.sensor.runner;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a rate-limited trigger's last booked execution is kept. Argo counts a {@code rateLimit} in its one
 * active sensor pod; our replicas share the Sensor, so the ledger the runner uses is in KV ({@link KvRateLedger})
 * and the limit holds for the Sensor as a whole, not per replica.
 */
interface RateLedger {
  /**
   * Books the next execution of {@code key}: the later of {@code now} and the last booking plus {@code interval},
   * and records it. Atomic: two bookings never get the same slot.
   *
   * @return the booked slot, in the unit of {@code now}
   */
  long book(String key, long now, long interval);

  /** Per process: enough for one replica, and the in-memory stand-in in unit tests. */
  static RateLedger local() {
    Map<String, Long> last = new HashMap<>();
    return (key, now, interval) -> {
      synchronized (last) {
        Long previous = last.get(key);
        long slot = previous == null ? now : Math.max(now, previous + interval);
        last.put(key, slot);
        return slot;
      }
    };
  }
}
