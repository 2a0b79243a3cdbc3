package io.quargo.eventsource.minio;

/**
 * An object written or removed between two listings, named as the S3 notification would name it.
 *
 * @param object for a removal, the version that was seen last
 */
public record ObjectChange(String s3EventName, ObjectState object) {
  public static final String CREATED = "s3:ObjectCreated:Put";
  public static final String REMOVED = "s3:ObjectRemoved:Delete";

  public boolean removed() {
    return s3EventName.equals(REMOVED);
  }
}
