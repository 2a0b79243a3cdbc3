package io.quargo.eventsource.minio;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An object written or removed between two listings, named as the S3 notification would name it.
 *
 * @param object for a removal, the version that was seen last
 */
public record ObjectChange(String s3EventName, ObjectState object) {
  public static final String CREATED = "s3:ObjectCreated:Put";
  public static final String CREATED_MULTIPART = "s3:ObjectCreated:CompleteMultipartUpload";
  public static final String REMOVED = "s3:ObjectRemoved:Delete";
  /** The names a listing can tell apart; every other S3 event name is never reported. */
  public static final List<String> OBSERVABLE = List.of(CREATED, CREATED_MULTIPART, REMOVED);

  /** S3 gives a multipart upload's object the ETag {@code <md5 of the parts' md5s>-<parts>}; a PUT's has no dash. */
  private static final Pattern MULTIPART_ETAG = Pattern.compile("[0-9a-fA-F]+-\\d+");

  /** A new or rewritten object: CompleteMultipartUpload when its ETag says so, else Put (a Copy looks the same). */
  public static ObjectChange created(ObjectState object) {
    return new ObjectChange(MULTIPART_ETAG.matcher(object.etag()).matches() ? CREATED_MULTIPART : CREATED, object);
  }

  public static ObjectChange removed(ObjectState lastSeen) {
    return new ObjectChange(REMOVED, lastSeen);
  }

  public boolean removed() {
    return s3EventName.equals(REMOVED);
  }
}
