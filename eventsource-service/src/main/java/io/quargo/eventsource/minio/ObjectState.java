package io.quargo.eventsource.minio;

import java.time.Instant;

/** What the listing says about one object: a new {@code etag} or {@code lastModified} means it was written again. */
public record ObjectState(String key, String etag, long size, Instant lastModified) {
  public ObjectState {
    etag = etag == null ? "" : etag.replace("\"", ""); // S3 quotes ETags in listings, notifications do not
  }

  boolean sameVersion(ObjectState other) {
    return etag.equals(other.etag) && lastModified.equals(other.lastModified);
  }
}
