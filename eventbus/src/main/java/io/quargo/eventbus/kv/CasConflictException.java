package io.quargo.eventbus.kv;

import io.quargo.eventbus.BusException;
import java.util.OptionalLong;

/**
 * A compare-and-set write lost: the key was not at the expected revision (someone else wrote it first).
 * Re-read the key and apply the change again. {@code expectedRevision} 0 means "expected no value" (create).
 */
public class CasConflictException extends BusException {
  private final String bucket;
  private final String key;
  private final long expectedRevision;
  private final OptionalLong actualRevision;

  public CasConflictException(String bucket, String key, long expectedRevision, OptionalLong actualRevision,
      Throwable cause) {
    super(message(bucket, key, expectedRevision, actualRevision), cause);
    this.bucket = bucket;
    this.key = key;
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  private static String message(String bucket, String key, long expected, OptionalLong actual) {
    String found = actual.isEmpty() ? "a different revision"
        : actual.getAsLong() == 0 ? "no value" : "revision " + actual.getAsLong();
    String wanted = expected == 0 ? "no value (create)" : "revision " + expected;
    return "KV bucket '" + bucket + "' key '" + key + "': expected " + wanted + " but found " + found
        + "; another writer got there first — re-read the key and apply the change again";
  }

  public String bucket() {
    return bucket;
  }

  public String key() {
    return key;
  }

  public long expectedRevision() {
    return expectedRevision;
  }

  /** The revision the server had, when it said so (0 = the key had no value). */
  public OptionalLong actualRevision() {
    return actualRevision;
  }
}
