package io.quargo.eventbus.objectstore;

import io.nats.client.JetStreamApiException;
import io.nats.client.ObjectStore;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * An existing NATS object store bucket (artifacts and logs in standalone mode). Objects are streamed in
 * chunks both ways, so their size is not bounded by the heap. Thread-safe.
 */
public final class ObjectStoreBucket {
  private final String name;
  private final ObjectStore store;
  private final ChunkReader reader;

  private ObjectStoreBucket(String name, ObjectStore store, ChunkReader reader) {
    this.name = name;
    this.store = store;
    this.reader = reader;
  }

  /** Opens a bucket the eventbus topology created; fails if it does not exist. */
  public static ObjectStoreBucket open(BusConnection bus, String bucket) {
    try {
      ObjectStore store = bus.nats().objectStore(bucket);
      store.getStatus();
      return new ObjectStoreBucket(bucket, store, new ChunkReader(bus.jetStream(), bucket));
    } catch (JetStreamApiException e) {
      throw missing(bucket, e);
    } catch (IOException e) {
      // jnats wraps the "stream not found" answer of its bucket lookup in an IOException
      if (e.getCause() instanceof JetStreamApiException api) {
        throw missing(bucket, api);
      }
      throw new BusException("object store bucket '" + bucket + "' cannot be opened at " + bus.config().urls()
          + ": " + e.getMessage(), e);
    }
  }

  private static BusException missing(String bucket, JetStreamApiException e) {
    return new BusException("object store bucket '" + bucket + "' cannot be opened: " + e.getErrorDescription()
        + ". Buckets are created by the eventbus topology; check the name and that the topology ran", e);
  }

  public String name() {
    return name;
  }

  /**
   * Stores everything {@code in} yields under {@code objectName}, replacing an older object of that name,
   * reading and publishing one chunk (128 KiB) at a time. Closes {@code in}.
   */
  public StoredObject put(String objectName, InputStream in) {
    try {
      return StoredObject.of(store.put(ObjectMeta.objectName(objectName), in));
    } catch (IOException | JetStreamApiException | NoSuchAlgorithmException | IllegalStateException e) {
      throw failed("put", objectName, e);
    }
  }

  /**
   * Writes the object's content to {@code out} chunk by chunk and checks its size and digest; a mismatch
   * is a {@link BusException} (what was written to {@code out} is then not to be trusted).
   */
  public StoredObject get(String objectName, OutputStream out) {
    ObjectInfo info = infoOf(objectName).orElseThrow(() -> new ObjectNotFoundException(name, objectName));
    if (info.isLink()) {
      throw new BusException("object '" + objectName + "' in bucket '" + name + "' is a link; Quargo does not"
          + " follow object store links");
    }
    try {
      reader.copy(info, out);
      return StoredObject.of(info);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("get", objectName, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("get", objectName, e);
    }
  }

  /** The object's description, or empty when there is no such object (or it was deleted). */
  public Optional<StoredObject> info(String objectName) {
    return infoOf(objectName).map(StoredObject::of);
  }

  private Optional<ObjectInfo> infoOf(String objectName) {
    try {
      return Optional.ofNullable(store.getInfo(objectName, false));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("info", objectName, e);
    }
  }

  /** Deletes the object and frees its chunks; false when there was none. */
  public boolean delete(String objectName) {
    if (infoOf(objectName).isEmpty()) {
      return false;
    }
    try {
      store.delete(objectName);
      return true;
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("delete", objectName, e);
    }
  }

  /** Every object in the bucket that is not deleted. */
  public List<StoredObject> list() {
    try {
      return store.getList().stream().map(StoredObject::of).toList();
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("list", "*", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("list", "*", e);
    }
  }

  private BusException failed(String op, String objectName, Exception e) {
    return new BusException("object store bucket '" + name + "': " + op + " of '" + objectName + "' failed: "
        + e.getMessage(), e);
  }
}
