package io.quargo.standalone.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.gaul.s3proxy.junit.S3ProxyExtension;

/**
 * Runs one upstream EventSource locally and makes it produce an event through its real path: the webhook gets
 * a free port and a POST, a calendar simply ticks. The example is changed only where it points off this machine.
 */
abstract class SourceDriver implements AutoCloseable {
  protected final ObjectNode eventSource;
  protected final String eventName;

  SourceDriver(ObjectNode eventSource, String eventName) {
    this.eventSource = eventSource.deepCopy();
    this.eventName = eventName;
  }

  static SourceDriver of(ObjectNode eventSource, String eventName, LocalTargets targets) throws Exception {
    String type = typeOf(eventSource, eventName);
    return switch (type) {
      case "webhook" -> new Webhook(eventSource, eventName);
      case "calendar" -> new Calendar(eventSource, eventName);
      case "minio" -> new Minio(eventSource, eventName);
      default -> throw new AssertionError("no local driver for EventSource type " + type + " (event " + eventName
          + "); index.tsv marks it local: add one");
    };
  }

  static String typeOf(ObjectNode eventSource, String eventName) {
    for (Iterator<Map.Entry<String, JsonNode>> it = eventSource.path("spec").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject() && e.getValue().has(eventName)) {
        return e.getKey();
      }
    }
    throw new AssertionError("EventSource has no event " + eventName);
  }

  String name() {
    return eventSource.path("metadata").path("name").asText();
  }

  ObjectNode event() {
    return (ObjectNode) eventSource.path("spec").path(typeOf(eventSource, eventName)).path(eventName);
  }

  /** The EventSource as it runs here. */
  abstract ObjectNode localized() throws Exception;

  /** Makes one event happen at the source. */
  abstract void produce() throws Exception;

  @Override
  public void close() {}

  static final class Webhook extends SourceDriver {
    private int port;

    Webhook(ObjectNode eventSource, String eventName) {
      super(eventSource, eventName);
    }

    @Override
    ObjectNode localized() throws Exception {
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      event().put("port", String.valueOf(port));
      return eventSource;
    }

    @Override
    void produce() throws Exception {
      String method = event().path("method").asText("POST");
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + event().path("endpoint").asText()))
          .header("Content-Type", "application/json");
      String body = "{\"message\": \"hello from an upstream example\", \"bucket\": \"input\"}";
      request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
      }
    }
  }

  /** A calendar ticks on its own; its interval (10s in the examples) bounds how long the test waits. */
  static final class Calendar extends SourceDriver {
    Calendar(ObjectNode eventSource, String eventName) {
      super(eventSource, eventName);
    }

    @Override
    ObjectNode localized() {
      return eventSource;
    }

    @Override
    void produce() {
      // nothing to do: the schedule produces the event
    }
  }

  /**
   * A minio source against an in-process s3proxy whose credentials are the values the test's secret resolver
   * gives for the example's accessKey/secretKey refs. The source lists the bucket and takes what it finds on
   * its first listing as the baseline, so objects keep being written until the test has seen its effect.
   */
  static final class Minio extends SourceDriver {
    private S3ProxyExtension s3;
    private MinioClient client;
    private Thread writer;

    Minio(ObjectNode eventSource, String eventName) {
      super(eventSource, eventName);
    }

    @Override
    ObjectNode localized() throws Exception {
      JsonNode access = event().path("accessKey");
      JsonNode secret = event().path("secretKey");
      s3 = S3ProxyExtension.builder().withCredentials(
          LocalTargets.secretValue(access.path("name").asText(), access.path("key").asText()),
          LocalTargets.secretValue(secret.path("name").asText(), secret.path("key").asText())).build();
      s3.beforeEach(null);
      URI uri = s3.getUri();
      event().put("endpoint", uri.getHost() + ":" + uri.getPort());
      event().put("insecure", true);
      client = MinioClient.builder().endpoint(uri.toString()).credentials(s3.getAccessKey(), s3.getSecretKey())
          .build();
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
      return eventSource;
    }

    private String bucket() {
      return event().path("bucket").path("name").asText();
    }

    @Override
    void produce() {
      writer = new Thread(() -> {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
          byte[] data = ("object " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          try {
            client.putObject(PutObjectArgs.builder().bucket(bucket()).object("upstream-" + i + ".txt")
                .stream(new java.io.ByteArrayInputStream(data), data.length, -1).build());
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            throw new IllegalStateException("s3proxy refused a put: " + e, e);
          }
        }
      }, "minio-writer");
      writer.setDaemon(true);
      writer.start();
    }

    @Override
    public void close() {
      if (writer != null) {
        writer.interrupt();
      }
      if (s3 != null) {
        s3.afterEach(null);
      }
    }
  }
}
