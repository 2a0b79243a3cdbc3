package io.quargo.eventbus.objectstore;

import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.quargo.eventbus.BusException;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * Streams an object's chunks to an output stream with at most {@link #PREFETCH} chunks in memory.
 * jnats' own {@code ObjectStore.get} reads through a push consumer whose client-side queue is bounded
 * only by the server's flow-control window, so its memory use is not ours to bound; here an ordered
 * pull consumer asks for a few chunks at a time.
 */
final class ChunkReader {
  static final int PREFETCH = 4;
  private static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(30);

  private final JetStream js;
  private final String bucket;

  ChunkReader(JetStream js, String bucket) {
    this.js = js;
    this.bucket = bucket;
  }

  /** Writes every chunk of {@code info} to {@code out}, then checks size and SHA-256 digest. */
  void copy(ObjectInfo info, OutputStream out) throws IOException, JetStreamApiException, InterruptedException {
    MessageDigest sha = sha256();
    long bytes = 0;
    long chunks = 0;
    if (info.getChunks() > 0) {
      OrderedConsumerConfiguration config = new OrderedConsumerConfiguration()
          .filterSubject("$O." + bucket + ".C." + info.getNuid());
      ConsumeOptions options = ConsumeOptions.builder().batchSize(PREFETCH).build();
      try (IterableConsumer consumer = js.getStreamContext("OBJ_" + bucket).createOrderedConsumer(config)
          .iterate(options)) {
        while (chunks < info.getChunks()) {
          byte[] data = next(consumer, info, chunks).getData();
          sha.update(data);
          out.write(data);
          bytes += data.length;
          chunks++;
        }
      } catch (JetStreamStatusCheckedException e) {
        throw new BusException(where(info) + ": reading chunk " + (chunks + 1) + " failed: " + e.getMessage(), e);
      } catch (Exception e) {
        throw rethrow(e);
      }
    }
    out.flush();
    verify(info, bytes, sha.digest());
  }

  private Message next(IterableConsumer consumer, ObjectInfo info, long chunks)
      throws InterruptedException, JetStreamStatusCheckedException {
    Message message = consumer.nextMessage(CHUNK_TIMEOUT);
    if (message == null) {
      throw new BusException(where(info) + ": chunk " + (chunks + 1) + " of " + info.getChunks()
          + " did not arrive within " + CHUNK_TIMEOUT + "; the object may have been deleted or the stream purged");
    }
    return message;
  }

  private void verify(ObjectInfo info, long bytes, byte[] digest) {
    if (bytes != info.getSize()) {
      throw new BusException(where(info) + ": read " + bytes + " bytes but the object records " + info.getSize());
    }
    String recorded = info.getDigest();
    if (recorded != null && !Arrays.equals(digest, decodeDigest(recorded))) {
      throw new BusException(where(info) + ": content does not match its recorded digest " + recorded
          + "; the object was probably overwritten while it was read, read it again");
    }
  }

  /** {@code SHA-256=<base64>}; Go clients write URL-safe base64, some older ones the standard alphabet. */
  static byte[] decodeDigest(String entry) {
    String value = entry.substring(entry.indexOf('=') + 1);
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return Base64.getDecoder().decode(value);
    }
  }

  private String where(ObjectInfo info) {
    return "object '" + info.getObjectName() + "' in bucket '" + bucket + "'";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static RuntimeException rethrow(Exception e) throws IOException, JetStreamApiException, InterruptedException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof JetStreamApiException api) {
      throw api;
    }
    if (e instanceof InterruptedException ie) {
      throw ie;
    }
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new BusException("closing the chunk consumer failed: " + e.getMessage(), e);
  }
}
