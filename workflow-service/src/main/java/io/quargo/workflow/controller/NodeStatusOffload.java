package io.quargo.workflow.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.objectstore.ObjectStoreBucket;
import io.quargo.eventbus.topology.ObjectStoreSpec;
import io.quargo.eventbus.topology.Topology;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Large node trees (DESIGN §5): when a status would not fit a KV value, its {@code nodes} go gzipped to the
 * object store and the status keeps Argo's {@code offloadNodeStatusVersion} pointing at them. A 100,000-node
 * workflow is a few MiB compressed, far below what a NATS message would carry in one piece.
 */
public final class NodeStatusOffload {
  /** The field Argo uses for the same purpose (its offload goes to SQL). */
  public static final String FIELD = "offloadNodeStatusVersion";
  public static final String BUCKET = "quargo-workflow-nodes";

  private final ObjectStoreBucket bucket;
  private final int limitBytes;

  public NodeStatusOffload(ObjectStoreBucket bucket, int limitBytes) {
    this.bucket = bucket;
    this.limitBytes = limitBytes;
  }

  /** The bucket, created if missing; statuses over {@code limitBytes} of JSON are offloaded. */
  public static NodeStatusOffload open(BusConnection bus, int limitBytes) {
    new Topology(bus).ensureObjectStore(ObjectStoreSpec.of(BUCKET));
    return new NodeStatusOffload(ObjectStoreBucket.open(bus, BUCKET), limitBytes);
  }

  public boolean tooLarge(String statusJson) {
    return statusJson.length() > limitBytes;
  }

  /**
   * The status to store: as given when small enough, else without nodes and with a pointer to them; the
   * {@code previous} offloaded copy (from the stored status) is deleted once replaced.
   */
  public ObjectNode shrink(String namespace, String name, ObjectNode status, String statusJson, String previous) {
    if (!tooLarge(statusJson) || !status.has("nodes")) {
      if (previous != null) {
        bucket.delete(previous);
      }
      return status;
    }
    String object = namespace + "/" + name + "/" + Integer.toHexString(statusJson.hashCode()) + "-"
        + Long.toHexString(System.nanoTime());
    byte[] compressed = gzip(Json.bytes(status.get("nodes")));
    bucket.put(object, new ByteArrayInputStream(compressed));
    ObjectNode small = status.deepCopy();
    small.remove("nodes");
    small.put(FIELD, object);
    if (previous != null && !previous.equals(object)) {
      bucket.delete(previous);
    }
    return small;
  }

  /** The resource with its offloaded nodes put back (unchanged when nothing was offloaded). */
  public Resource hydrate(Resource workflow) {
    JsonNode status = workflow.status();
    if (!status.hasNonNull(FIELD) || status.has("nodes")) {
      return workflow;
    }
    ObjectNode full = ((ObjectNode) status).deepCopy();
    full.set("nodes", nodes(status.get(FIELD).asText()));
    return workflow.withStatus(full);
  }

  public JsonNode nodes(String object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bucket.get(object, out);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      return Json.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("offloaded nodes " + object + " are unreadable", e);
    }
  }

  public void delete(JsonNode status) {
    if (status.hasNonNull(FIELD)) {
      bucket.delete(status.get(FIELD).asText());
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
