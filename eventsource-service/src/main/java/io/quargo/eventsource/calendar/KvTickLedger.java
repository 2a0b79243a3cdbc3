package io.quargo.eventsource.calendar;

import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** {@link TickLedger} in the KV bucket {@value #BUCKET}: key = the event's key, value = the tick (ISO-8601). */
public final class KvTickLedger implements TickLedger {
  public static final String BUCKET = "eventsource-calendar";
  private static final int MAX_RACES = 10;

  private final KvBucket bucket;

  public KvTickLedger(KvBucket bucket) {
    this.bucket = bucket;
  }

  /** Creates the bucket if missing (latest value only, kept forever) and opens it. */
  public static KvTickLedger ensure(BusConnection bus) {
    new Topology(bus).ensureKv(KvSpec.of(BUCKET).withDescription("calendar EventSources: last fired tick per event"));
    return new KvTickLedger(KvBucket.open(bus, BUCKET));
  }

  @Override
  public Optional<Instant> lastFired(String key) {
    return bucket.get(kvKey(key)).map(KvTickLedger::tick);
  }

  @Override
  public void record(String key, Instant tick) {
    String k = kvKey(key);
    byte[] value = tick.toString().getBytes(StandardCharsets.UTF_8);
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<KvEntry> current = bucket.get(k);
      try {
        if (current.isEmpty()) {
          bucket.create(k, value);
          return;
        }
        if (!tick(current.get()).isBefore(tick)) {
          return; // another replica stored this tick or a later one
        }
        bucket.update(k, value, current.get().revision());
        return;
      } catch (CasConflictException e) {
        // another replica wrote in between: read again and decide again
      }
    }
  }

  private static Instant tick(KvEntry entry) {
    return Instant.parse(new String(entry.value(), StandardCharsets.UTF_8));
  }

  /** KV keys allow letters, digits and {@code -/_=.}; anything else in a name becomes '_'. */
  static String kvKey(String key) {
    return key.replaceAll("[^-/_=.A-Za-z0-9]", "_");
  }
}
