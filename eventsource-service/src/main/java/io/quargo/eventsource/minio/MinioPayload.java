package io.quargo.eventsource.minio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code data} of a minio event, as Argo's {@code MinioEventData}: {@code notification} is the list of S3
 * event records (one per event here) in MinIO's notification shape, {@code metadata} when non-empty. Sensors read
 * e.g. {@code notification.0.s3.object.key}, which is query-escaped as MinIO sends it.
 */
public final class MinioPayload {
  /** MinIO's eventTime: RFC 3339 in UTC with milliseconds. */
  private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  private MinioPayload() {}

  /** {@code eventTime}: when the object was written, or when its removal was noticed. */
  public static ObjectNode data(String bucket, ObjectChange change, Instant eventTime, Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.putArray("notification").add(record(bucket, change, eventTime));
    if (!metadata.isEmpty()) {
      data.set("metadata", Json.MAPPER.valueToTree(metadata));
    }
    return data;
  }

  static ObjectNode record(String bucket, ObjectChange change, Instant eventTime) {
    ObjectNode record = Json.object();
    record.put("eventVersion", "2.0");
    record.put("eventSource", "minio:s3");
    record.put("awsRegion", "");
    record.put("eventTime", EVENT_TIME.format(eventTime));
    record.put("eventName", change.s3EventName());
    record.putObject("userIdentity").put("principalId", "");
    record.putObject("requestParameters");
    record.putObject("responseElements");
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "Config");
    ObjectNode b = s3.putObject("bucket");
    b.put("name", bucket);
    b.putObject("ownerIdentity").put("principalId", "");
    b.put("arn", "arn:aws:s3:::" + bucket);
    ObjectNode object = s3.putObject("object");
    object.put("key", queryEscape(change.object().key()));
    if (!change.removed()) {
      object.put("size", change.object().size());
      object.put("eTag", change.object().etag());
    }
    object.put("sequencer", sequencer(eventTime));
    record.putObject("source").put("host", "").put("port", "").put("userAgent", "");
    return record;
  }

  /** Go's {@code url.QueryEscape}, which MinIO applies to the object key: space as '+', '/' as %2F. */
  static String queryEscape(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  /** MinIO's sequencer: the event's time in nanoseconds as upper-case hex. */
  private static String sequencer(Instant t) {
    return String.format(Locale.ROOT, "%X", t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }
}
