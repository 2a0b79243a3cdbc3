package io.quargo.sensor.runner;

import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@link RateLedger} in a KV bucket shared by every replica: read the last slot, compare-and-set the next.
 * Slots are wall-clock times, so replicas' clocks must agree to within what the limit's interval tolerates.
 */
final class KvRateLedger implements RateLedger {
  private static final int MAX_ATTEMPTS = 100;
  private final KvBucket bucket;

  KvRateLedger(KvBucket bucket) {
    this.bucket = bucket;
  }

  @Override
  public long book(String key, long now, long interval) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<KvEntry> entry = bucket.get(key);
      long slot = entry.map(e -> Math.max(now, parse(e.value()) + interval)).orElse(now);
      byte[] value = Long.toString(slot).getBytes(StandardCharsets.UTF_8);
      try {
        if (entry.isPresent()) {
          bucket.update(key, value, entry.get().revision());
        } else {
          bucket.create(key, value);
        }
        return slot;
      } catch (CasConflictException lost) {
        // another replica booked first: book after its slot
      }
    }
    throw new IllegalStateException("rate limit key " + key + " kept changing under " + MAX_ATTEMPTS
        + " attempts to book an execution");
  }

  private static long parse(byte[] value) {
    return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
  }
}
