package io.quargo.eventbus.topology;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.topology.Ensured.Change;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates or updates streams, consumers, KV buckets and object stores so they match their specs. Every
 * ensure is idempotent (a second call finds nothing to change) and safe to run from several replicas at
 * once. It first refuses what the server cannot honour or an existing object cannot become
 * ({@link TopologyChecks}), then writes: a refused ensure changes nothing.
 */
public final class Topology {
  /** JetStream API error codes this class reacts to. */
  static final int STREAM_NOT_FOUND = 10059;
  static final int STREAM_NAME_IN_USE = 10058;
  static final int CONSUMER_NOT_FOUND = 10014;

  private final BusConnection bus;

  public Topology(BusConnection bus) {
    this.bus = bus;
  }

  /** What the connected server supports, read from its INFO. */
  public ServerCapabilities server() {
    return ServerCapabilities.of(bus);
  }

  /** Creates the stream, or updates its mutable settings (subjects, limits, replicas, discard...). */
  public Ensured<StreamInfo> ensureStream(StreamSpec spec) {
    StreamInfo existing = checkStream(spec, server());
    return applyStream(spec, existing);
  }

  /** EVENTS, LIFECYCLE and COMMANDS; all three are checked before any is written. */
  public List<Ensured<StreamInfo>> ensureStandard(BusTopologyConfig config) {
    ServerCapabilities server = server();
    List<StreamSpec> specs = StandardStreams.all(config);
    List<StreamInfo> existing = new ArrayList<>();
    for (StreamSpec spec : specs) {
      existing.add(checkStream(spec, server));
    }
    List<Ensured<StreamInfo>> results = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      results.add(applyStream(specs.get(i), existing.get(i)));
    }
    return results;
  }

  /** Creates the durable pull consumer, or updates its ack wait, redelivery, filter and limits. */
  public Ensured<ConsumerInfo> ensureConsumer(ConsumerSpec spec) {
    TopologyChecks.consumer(spec, server());
    String what = "consumer " + spec.name() + " on stream " + spec.stream();
    JetStreamManagement jsm = bus.management();
    ConsumerInfo existing = call(what, () -> {
      try {
        return jsm.getConsumerInfo(spec.stream(), spec.name());
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
          throw new BusException("cannot ensure " + what + ": stream " + spec.stream() + " does not exist on "
              + where() + "; ensure the stream first (Topology.ensureStream)");
        }
        if (e.getApiErrorCode() == CONSUMER_NOT_FOUND) {
          return null;
        }
        throw e;
      }
    });
    if (existing == null) {
      ConsumerInfo created = call(what, () -> jsm.addOrUpdateConsumer(spec.stream(), spec.toConfiguration()));
      return new Ensured<>(spec.name(), Change.CREATED, List.of(), created);
    }
    TopologyChecks.consumerUpdate(spec, existing.getConsumerConfiguration());
    List<String> changes = Drift.consumer(spec, existing.getConsumerConfiguration());
    if (changes.isEmpty()) {
      return new Ensured<>(spec.name(), Change.UNCHANGED, changes, existing);
    }
    ConsumerInfo updated = call(what, () -> jsm.addOrUpdateConsumer(spec.stream(), spec.toConfiguration()));
    return new Ensured<>(spec.name(), Change.UPDATED, changes, updated);
  }

  /** Creates the KV bucket, or updates its history, age, size and replicas. */
  public Ensured<KeyValueStatus> ensureKv(KvSpec spec) {
    TopologyChecks.kv(spec, server());
    String what = "KV bucket " + spec.bucket();
    KeyValueManagement kvm = call(what, () -> bus.nats().keyValueManagement());
    KeyValueStatus existing = call(what, () -> orNullIfNoStream(() -> kvm.getStatus(spec.bucket())));
    if (existing == null) {
      KeyValueStatus created = call(what, () -> kvm.create(spec.toConfiguration(null)));
      return new Ensured<>(spec.bucket(), Change.CREATED, List.of(), created);
    }
    TopologyChecks.bucketStorage("KV bucket", spec.bucket(), existing.getStorageType(), spec.storage());
    List<String> changes = Drift.kv(spec, existing);
    if (changes.isEmpty()) {
      return new Ensured<>(spec.bucket(), Change.UNCHANGED, changes, existing);
    }
    KeyValueStatus updated = call(what, () -> kvm.update(spec.toConfiguration(existing.getConfiguration())));
    return new Ensured<>(spec.bucket(), Change.UPDATED, changes, updated);
  }

  /** Creates the object store, or updates its age, size and replicas on the stream that backs it. */
  public Ensured<ObjectStoreStatus> ensureObjectStore(ObjectStoreSpec spec) {
    TopologyChecks.objectStore(spec, server());
    String what = "object store bucket " + spec.bucket();
    ObjectStoreManagement osm = call(what, () -> bus.nats().objectStoreManagement());
    ObjectStoreStatus existing = call(what, () -> orNullIfNoStream(() -> osm.getStatus(spec.bucket())));
    if (existing == null) {
      ObjectStoreStatus created = call(what, () -> osm.create(spec.toConfiguration()));
      return new Ensured<>(spec.bucket(), Change.CREATED, List.of(), created);
    }
    TopologyChecks.bucketStorage("object store bucket", spec.bucket(), existing.getStorageType(), spec.storage());
    List<String> changes = Drift.objectStore(spec, existing);
    if (changes.isEmpty()) {
      return new Ensured<>(spec.bucket(), Change.UNCHANGED, changes, existing);
    }
    // jnats has no object store update; the limits live on the backing stream
    StreamInfo backing = existing.getBackingStreamInfo();
    call(what, () -> bus.management().updateStream(StreamConfiguration.builder(backing.getConfiguration())
        .maxAge(spec.maxAge()).maxBytes(spec.maxBytes()).replicas(spec.replicas()).description(spec.description())
        .build()));
    ObjectStoreStatus updated = call(what, () -> osm.getStatus(spec.bucket()));
    return new Ensured<>(spec.bucket(), Change.UPDATED, changes, updated);
  }

  /** Runs the refusals for a stream and returns the existing stream, or null when there is none. */
  private StreamInfo checkStream(StreamSpec spec, ServerCapabilities server) {
    TopologyChecks.stream(spec, server);
    StreamInfo existing = findStream(spec.name());
    if (existing != null) {
      TopologyChecks.streamUpdate(spec, existing.getConfiguration());
    }
    return existing;
  }

  private Ensured<StreamInfo> applyStream(StreamSpec spec, StreamInfo existing) {
    String what = "stream " + spec.name();
    JetStreamManagement jsm = bus.management();
    if (existing == null) {
      try {
        StreamInfo created = jsm.addStream(spec.toConfiguration(null));
        return new Ensured<>(spec.name(), Change.CREATED, List.of(), created);
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
          throw failure("create " + what, e);
        }
        // another replica created it between our read and our write: bring that one to the spec
        existing = checkStream(spec, server());
      } catch (IOException | RuntimeException e) {
        throw failure("create " + what, e);
      }
    }
    List<String> changes = Drift.stream(spec, existing.getConfiguration());
    if (changes.isEmpty()) {
      return new Ensured<>(spec.name(), Change.UNCHANGED, changes, existing);
    }
    StreamInfo base = existing;
    StreamInfo updated = call(what, () -> jsm.updateStream(spec.toConfiguration(base.getConfiguration())));
    return new Ensured<>(spec.name(), Change.UPDATED, changes, updated);
  }

  private StreamInfo findStream(String name) {
    return call("stream " + name, () -> orNullIfNoStream(() -> bus.management().getStreamInfo(name)));
  }

  private static <T> T orNullIfNoStream(JsCall<T> call) throws IOException, JetStreamApiException {
    try {
      return call.run();
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private <T> T call(String what, JsCall<T> call) {
    try {
      return call.run();
    } catch (BusException e) {
      throw e;
    } catch (JetStreamApiException | IOException | RuntimeException e) {
      throw failure("ensure " + what, e);
    }
  }

  private BusException failure(String action, Exception e) {
    String detail = e instanceof JetStreamApiException api
        ? api.getErrorDescription() + " [JetStream error " + api.getApiErrorCode() + "]"
        : e.getMessage();
    return new BusException("cannot " + action + " on NATS at " + where() + ": " + detail
        + ". Check that the bus is up (quargo.bus.url) and the account may manage JetStream.", e);
  }

  private String where() {
    String url = bus.nats().getConnectedUrl();
    return url != null ? url : String.valueOf(bus.config().urls());
  }

  @FunctionalInterface
  private interface JsCall<T> {
    T run() throws IOException, JetStreamApiException;
  }
}
