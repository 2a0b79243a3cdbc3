package io.quargo.eventsource.minio;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.minio}.
 *
 * @param url       {@code endpoint} with the scheme {@code insecure} implies ({@code http://} when true)
 * @param events    the S3 event names asked for, possibly with a trailing {@code *}
 * @param accessKey null for anonymous access (then {@code secretKey} is null too)
 */
public record MinioSource(String namespace, String eventSource, String eventName, String url, String bucket,
    List<String> events, String prefix, String suffix, String region, String accessKey, String secretKey,
    Map<String, String> metadata) {

  /** Whether {@code s3EventName} (e.g. {@code s3:ObjectCreated:Put}) is one the spec asks for. */
  public boolean wants(String s3EventName) {
    return events.stream().anyMatch(e -> matches(e, s3EventName));
  }

  static boolean matches(String pattern, String s3EventName) {
    return pattern.endsWith("*") ? s3EventName.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(s3EventName);
  }

  /** Whether an object key passes {@code filter.prefix} and {@code filter.suffix}. */
  public boolean accepts(String key) {
    return key.startsWith(prefix) && key.endsWith(suffix);
  }

  @Override
  public String toString() {
    return "minio/" + eventName + " " + url + " bucket " + bucket + " events " + events
        + (prefix.isEmpty() && suffix.isEmpty() ? "" : " filter " + prefix + "*" + suffix);
  }
}
