package io.quargo.eventsource.minio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects seen in the bucket (after the key filter), what a listing is compared with to find changes. */
public final class BucketSnapshot {
  private final Map<String, ObjectState> objects;

  public BucketSnapshot(Map<String, ObjectState> objects) {
    this.objects = new LinkedHashMap<>(objects);
  }

  public static BucketSnapshot of(List<ObjectState> listing) {
    Map<String, ObjectState> objects = new LinkedHashMap<>();
    listing.forEach(o -> objects.put(o.key(), o));
    return new BucketSnapshot(objects);
  }

  public int size() {
    return objects.size();
  }

  /** Written objects first, oldest first (the order they were written), then removed ones by key. */
  public List<ObjectChange> changesTo(BucketSnapshot now) {
    List<ObjectChange> changes = new ArrayList<>();
    now.objects.values().stream()
        .filter(o -> !objects.containsKey(o.key()) || !objects.get(o.key()).sameVersion(o))
        .sorted(Comparator.comparing(ObjectState::lastModified).thenComparing(ObjectState::key))
        .forEach(o -> changes.add(new ObjectChange(ObjectChange.CREATED, o)));
    objects.values().stream().filter(o -> !now.objects.containsKey(o.key()))
        .sorted(Comparator.comparing(ObjectState::key))
        .forEach(o -> changes.add(new ObjectChange(ObjectChange.REMOVED, o)));
    return changes;
  }

  /** Takes one change into account, once its event (if any was wanted) is on the bus. */
  public void apply(ObjectChange change) {
    if (change.removed()) {
      objects.remove(change.object().key());
    } else {
      objects.put(change.object().key(), change.object());
    }
  }

  public byte[] toJson() {
    ObjectNode root = Json.object();
    ObjectNode all = root.putObject("objects");
    objects.values().forEach(o -> all.putObject(o.key()).put("etag", o.etag()).put("size", o.size())
        .put("lastModified", o.lastModified().toString()));
    return Json.bytes(root);
  }

  public static BucketSnapshot fromJson(byte[] json) {
    Map<String, ObjectState> objects = new LinkedHashMap<>();
    JsonNode all = Json.parse(json).path("objects");
    all.fields().forEachRemaining(e -> objects.put(e.getKey(), new ObjectState(e.getKey(),
        e.getValue().path("etag").asText(), e.getValue().path("size").asLong(),
        Instant.parse(e.getValue().path("lastModified").asText()))));
    return new BucketSnapshot(objects);
  }
}
