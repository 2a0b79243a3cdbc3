package io.quargo.eventbus.kv;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing NATS KV bucket with compare-and-set writes. Keys are dot-separated tokens, e.g.
 * {@code argo.my-sensor}; watch patterns may use {@code *} (one token) and {@code >} (the rest).
 * Thread-safe. Every failure is a {@link BusException} (jnats' "Connection is Closed"
 * {@code IllegalStateException} included); a lost compare-and-set is a {@link CasConflictException}.
 */
public final class KvBucket {
  /** JetStream's "wrong last sequence" API error: the expected-revision check failed. */
  static final int WRONG_LAST_SEQUENCE = 10071;
  private static final Pattern ACTUAL = Pattern.compile("wrong last sequence: (\\d+)");

  private final Connection connection;
  private final String name;
  private final KeyValue kv;

  private KvBucket(Connection connection, String name, KeyValue kv) {
    this.connection = connection;
    this.name = name;
    this.kv = kv;
  }

  /** Opens a bucket the eventbus topology created; fails if it does not exist. */
  public static KvBucket open(BusConnection bus, String bucket) {
    try {
      KeyValue kv = bus.nats().keyValue(bucket);
      kv.getStatus();
      return new KvBucket(bus.nats(), bucket, kv);
    } catch (JetStreamApiException e) {
      throw missing(bucket, e);
    } catch (IOException e) {
      // jnats wraps the "stream not found" answer of its bucket lookup in an IOException
      if (e.getCause() instanceof JetStreamApiException api) {
        throw missing(bucket, api);
      }
      throw new BusException("KV bucket '" + bucket + "' cannot be opened at " + bus.config().urls() + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusException("interrupted while opening KV bucket '" + bucket + "'", e);
    }
  }

  private static BusException missing(String bucket, JetStreamApiException e) {
    return new BusException("KV bucket '" + bucket + "' cannot be opened: " + e.getErrorDescription()
        + ". Buckets are created by the eventbus topology; check the name and that the topology ran", e);
  }

  public String name() {
    return name;
  }

  /** The key's current value, or empty when it has none (never written, deleted or purged). */
  public Optional<KvEntry> get(String key) {
    try {
      KeyValueEntry entry = kv.get(key);
      if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
        return Optional.empty();
      }
      return Optional.of(new KvEntry(entry.getKey(), entry.getValue(), entry.getRevision()));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("get", key, e);
    }
  }

  /** Writes unconditionally (last writer wins); returns the new revision. */
  public long put(String key, byte[] value) {
    try {
      return kv.put(key, value);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("put", key, e);
    }
  }

  /** Writes only if the key has no value; returns the new revision. */
  public long create(String key, byte[] value) {
    try {
      return kv.create(key, value);
    } catch (JetStreamApiException e) {
      throw casOrFailed("create", key, 0, e);
    } catch (IOException | IllegalStateException e) {
      throw failed("create", key, e);
    }
  }

  /** Writes only if the key is still at {@code expectedRevision}; returns the new revision. */
  public long update(String key, byte[] value, long expectedRevision) {
    try {
      return kv.update(key, value, expectedRevision);
    } catch (JetStreamApiException e) {
      throw casOrFailed("update", key, expectedRevision, e);
    } catch (IOException | IllegalStateException e) {
      throw failed("update", key, e);
    }
  }

  /** Deletes unconditionally (writes a delete marker that watches see). */
  public void delete(String key) {
    try {
      kv.delete(key);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("delete", key, e);
    }
  }

  /** Deletes only if the key is still at {@code expectedRevision}. */
  public void delete(String key, long expectedRevision) {
    try {
      kv.delete(key, expectedRevision);
    } catch (JetStreamApiException e) {
      throw casOrFailed("delete", key, expectedRevision, e);
    } catch (IOException | IllegalStateException e) {
      throw failed("delete", key, e);
    }
  }

  /** Every key that has a value. */
  public List<String> keys() {
    return keys(">");
  }

  /** The keys matching {@code pattern} that have a value. */
  public List<String> keys(String pattern) {
    try {
      return kv.keys(pattern);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("keys", pattern, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("keys", pattern, e);
    }
  }

  /**
   * Watches the keys matching {@code keyPattern}, delivering puts and deletes to the listener once each,
   * in revision order. After a reconnect it resumes from the last revision delivered.
   */
  public KvWatch watch(String keyPattern, KvWatchStart start, KvWatchListener listener) {
    try {
      return ResumingKvWatch.start(connection, kv, name, keyPattern, start, listener);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw failed("watch", keyPattern, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("watch", keyPattern, e);
    }
  }

  private RuntimeException casOrFailed(String op, String key, long expected, JetStreamApiException e) {
    if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
      return failed(op, key, e);
    }
    return new CasConflictException(name, key, expected, actualRevision(e.getErrorDescription()), e);
  }

  /** The server names the key's revision in the error text ("wrong last sequence: 12"); use it if there. */
  static OptionalLong actualRevision(String description) {
    Matcher m = description == null ? null : ACTUAL.matcher(description);
    return m != null && m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private BusException failed(String op, String key, Exception e) {
    return new BusException("KV bucket '" + name + "': " + op + " of '" + key + "' failed: " + e.getMessage(), e);
  }
}
