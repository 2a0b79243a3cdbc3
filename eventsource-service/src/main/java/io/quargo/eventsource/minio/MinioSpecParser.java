package io.quargo.eventsource.minio;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code spec.minio} (Argo's {@code S3Artifact}): {@code endpoint}, {@code bucket.name} and {@code events}
 * required; errors name the JSON path, e.g. {@code spec.minio.example.bucket.name: is required}.
 */
public final class MinioSpecParser {
  private final SecretResolver secrets;

  public MinioSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.minio}, in manifest order. */
  public List<MinioSource> parse(Resource eventSource) {
    List<MinioSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "minio").forEach((name, spec) -> sources.add(
        parseOne(SpecFields.namespace(eventSource), eventSource.name(), name, spec, "spec.minio." + name)));
    return sources;
  }

  private MinioSource parseOne(String namespace, String eventSource, String name, JsonNode spec, String path) {
    String endpoint = SpecFields.requiredText(spec, "endpoint", path);
    if (endpoint.contains("://")) {
      throw new EventSourceSpecException(path + ".endpoint", "must be host:port without a scheme (set insecure: "
          + "true for http), got '" + endpoint + "'");
    }
    boolean insecure = SpecFields.bool(spec, "insecure", path, false);
    JsonNode bucket = spec.path("bucket");
    if (!bucket.isObject()) {
      throw new EventSourceSpecException(path + ".bucket", "is required: give {name: <bucket>}");
    }
    String bucketName = SpecFields.requiredText(bucket, "name", path + ".bucket");
    List<String> events = events(spec, path);
    JsonNode filter = spec.path("filter");
    String prefix = filter.isObject() ? SpecFields.text(filter, "prefix", path + ".filter") : null;
    String suffix = filter.isObject() ? SpecFields.text(filter, "suffix", path + ".filter") : null;
    String accessKey = SpecFields.secret(spec, "accessKey", path, secrets, namespace);
    String secretKey = SpecFields.secret(spec, "secretKey", path, secrets, namespace);
    if ((accessKey == null) != (secretKey == null)) {
      throw new EventSourceSpecException(path + (accessKey == null ? ".accessKey" : ".secretKey"),
          "is required with " + (accessKey == null ? "secretKey" : "accessKey") + ": give both or neither");
    }
    if (spec.hasNonNull("caCertificate")) {
      throw new EventSourceSpecException(path + ".caCertificate", "a custom CA is not supported yet; use a "
          + "certificate the JVM trusts, or insecure: true for plain http");
    }
    String region = SpecFields.text(spec, "region", path);
    return new MinioSource(namespace, eventSource, name, (insecure ? "http://" : "https://") + endpoint, bucketName,
        events, prefix == null ? "" : prefix, suffix == null ? "" : suffix, region == null ? "us-east-1" : region,
        accessKey, secretKey, SpecFields.metadata(spec, path));
  }

  /** The listing tells apart only {@link ObjectChange#OBSERVABLE}: at least one of them must be asked for. */
  private static List<String> events(JsonNode spec, String path) {
    List<String> events = SpecFields.textList(spec, "events", path, true);
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).startsWith("s3:")) {
        throw new EventSourceSpecException(path + ".events[" + i + "]", "must be an S3 event name like "
            + "s3:ObjectCreated:* or s3:ObjectRemoved:Delete, got '" + events.get(i) + "'");
      }
    }
    if (events.stream().noneMatch(e -> ObjectChange.OBSERVABLE.stream().anyMatch(o -> MinioSource.matches(e, o)))) {
      throw new EventSourceSpecException(path + ".events", "none of " + events + " can be observed: this source "
          + "lists the bucket and reports only " + String.join(", ", ObjectChange.OBSERVABLE)
          + " (s3:ObjectCreated:*, s3:ObjectRemoved:* match them)");
    }
    return events;
  }
}
