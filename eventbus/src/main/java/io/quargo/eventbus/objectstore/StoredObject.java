package io.quargo.eventbus.objectstore;

import io.nats.client.api.ObjectInfo;
import java.time.Instant;

/**
 * What the object store knows about one object (an artifact, a log).
 *
 * @param digest as NATS records it, {@code SHA-256=<base64url>}
 */
public record StoredObject(String bucket, String name, long size, long chunks, String digest, Instant modified) {

  static StoredObject of(ObjectInfo info) {
    Instant modified = info.getModified() == null ? null : info.getModified().toInstant();
    return new StoredObject(info.getBucket(), info.getObjectName(), info.getSize(), info.getChunks(),
        info.getDigest(), modified);
  }
}
