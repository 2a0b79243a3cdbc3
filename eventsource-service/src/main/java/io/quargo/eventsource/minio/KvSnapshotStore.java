package io.quargo.eventsource.minio;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PurgeOptions;
import io.nats.client.api.PublishAck;
import io.quargo.core.Json;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvChange;
import io.quargo.eventbus.kv.KvOperation;
import io.quargo.eventbus.kv.KvWatch;
import io.quargo.eventbus.kv.KvWatchListener;
import io.quargo.eventbus.kv.KvWatchStart;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.amqp.StableIds;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link SnapshotStore} in the KV bucket {@value #BUCKET}, one entry per object seen:
 * {@code <source>.o.<hash of the object key>} holds {@code {key, etag, size, lastModified}} (a few hundred bytes
 * whatever the bucket's size), and {@code <source>.baseline} marks that the first listing was stored completely.
 * A removed object's entry is purged from the stream rather than deleted, so no delete marker piles up per
 * removal; only the source's own poll thread writes its entries, so the purge races with nothing.
 */
public final class KvSnapshotStore implements SnapshotStore {
  public static final String BUCKET = "eventsource-minio";
  /** Bulk writes of a baseline: how many are in flight at once. */
  private static final int WINDOW = 1000;
  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final BusConnection bus;
  private final KvBucket bucket;

  public KvSnapshotStore(BusConnection bus, KvBucket bucket) {
    this.bus = bus;
    this.bucket = bucket;
  }

  /** Creates the bucket if missing and opens it. */
  public static KvSnapshotStore ensure(BusConnection bus) {
    new Topology(bus).ensureKv(KvSpec.of(BUCKET).withDescription("minio EventSources: objects seen per source"));
    return new KvSnapshotStore(bus, KvBucket.open(bus, BUCKET));
  }

  static String entryKey(String source, String objectKey) {
    return source + ".o." + StableIds.of(objectKey);
  }

  static String baselineKey(String source) {
    return source + ".baseline";
  }

  @Override
  public Optional<BucketSnapshot> load(String source) {
    if (bucket.get(baselineKey(source)).isEmpty()) {
      return Optional.empty();
    }
    ConcurrentLinkedQueue<ObjectState> objects = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(1);
    KvWatchListener listener = new KvWatchListener() {
      @Override
      public void onChange(KvChange change) {
        if (change.operation() == KvOperation.PUT) {
          objects.add(fromJson(change.value()));
        }
      }

      @Override
      public void onInitialValuesDone() {
        done.countDown();
      }
    };
    try (KvWatch watch = bucket.watch(source + ".o.*", KvWatchStart.currentValues(), listener)) {
      if (!done.await(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new BusException("KV bucket '" + BUCKET + "': reading the objects seen by " + source + " took longer "
            + "than " + LOAD_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusException("interrupted while reading the objects seen by " + source, e);
    }
    return Optional.of(BucketSnapshot.of(objects));
  }

  @Override
  public void saveBaseline(String source, BucketSnapshot baseline) {
    purge(source + ".o.>"); // what an interrupted earlier baseline left
    JetStream js = jetStream();
    List<CompletableFuture<PublishAck>> inFlight = new ArrayList<>(WINDOW);
    for (ObjectState o : baseline.objects()) {
      inFlight.add(js.publishAsync(subject(entryKey(source, o.key())), toJson(o)));
      if (inFlight.size() == WINDOW) {
        awaitAll(inFlight, source);
      }
    }
    awaitAll(inFlight, source);
    bucket.put(baselineKey(source), Json.bytes(Json.object().put("objects", baseline.size())
        .put("at", Instant.now().toString())));
  }

  @Override
  public void record(String source, ObjectChange change) {
    String key = entryKey(source, change.object().key());
    if (change.removed()) {
      purge(key);
    } else {
      bucket.put(key, toJson(change.object()));
    }
  }

  private void purge(String keyPattern) {
    try {
      bus.nats().jetStreamManagement().purgeStream("KV_" + BUCKET, PurgeOptions.subject(subject(keyPattern)));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw new BusException("KV bucket '" + BUCKET + "': purge of '" + keyPattern + "' failed: " + e.getMessage(), e);
    }
  }

  private JetStream jetStream() {
    try {
      return bus.nats().jetStream();
    } catch (IOException e) {
      throw new BusException("KV bucket '" + BUCKET + "': no JetStream context: " + e.getMessage(), e);
    }
  }

  private static void awaitAll(List<CompletableFuture<PublishAck>> inFlight, String source) {
    try {
      for (CompletableFuture<PublishAck> f : inFlight) {
        f.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new BusException("KV bucket '" + BUCKET + "': storing the baseline of " + source + " failed: "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusException("interrupted while storing the baseline of " + source, e);
    } finally {
      inFlight.clear();
    }
  }

  /** A KV key's subject: a bulk write is a plain JetStream publish there, as the KV client's own put. */
  private static String subject(String key) {
    return "$KV." + BUCKET + "." + key;
  }

  static byte[] toJson(ObjectState o) {
    return Json.bytes(Json.object().put("key", o.key()).put("etag", o.etag()).put("size", o.size())
        .put("lastModified", o.lastModified().toString()));
  }

  static ObjectState fromJson(byte[] json) {
    JsonNode n = Json.parse(json);
    return new ObjectState(n.path("key").asText(), n.path("etag").asText(), n.path("size").asLong(),
        Instant.parse(n.path("lastModified").asText()));
  }
}
