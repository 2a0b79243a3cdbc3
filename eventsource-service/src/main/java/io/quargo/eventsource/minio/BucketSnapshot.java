package io.quargo.eventsource.minio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects seen in the bucket (after the key filter), what a listing is compared with to find changes. Held in
 * memory; {@link SnapshotStore} keeps it between runs one object per entry, so its size is not capped.
 */
public final class BucketSnapshot {
  private final Map<String, ObjectState> objects;

  private BucketSnapshot(Map<String, ObjectState> objects) {
    this.objects = objects;
  }

  public static BucketSnapshot of(Collection<ObjectState> listing) {
    Map<String, ObjectState> objects = new HashMap<>(Math.max(16, listing.size() * 4 / 3 + 1));
    listing.forEach(o -> objects.put(o.key(), o));
    return new BucketSnapshot(objects);
  }

  public int size() {
    return objects.size();
  }

  public Collection<ObjectState> objects() {
    return List.copyOf(objects.values());
  }

  /** Written objects first, oldest first (the order they were written), then removed ones by key. */
  public List<ObjectChange> changesTo(BucketSnapshot now) {
    List<ObjectChange> changes = new ArrayList<>();
    now.objects.values().stream()
        .filter(o -> !objects.containsKey(o.key()) || !objects.get(o.key()).sameVersion(o))
        .sorted(Comparator.comparing(ObjectState::lastModified).thenComparing(ObjectState::key))
        .forEach(o -> changes.add(ObjectChange.created(o)));
    objects.values().stream().filter(o -> !now.objects.containsKey(o.key()))
        .sorted(Comparator.comparing(ObjectState::key))
        .forEach(o -> changes.add(ObjectChange.removed(o)));
    return changes;
  }

  /** Takes one change into account, once its event (if any was wanted) is on the bus and the store has it. */
  public void apply(ObjectChange change) {
    if (change.removed()) {
      objects.remove(change.object().key());
    } else {
      objects.put(change.object().key(), change.object());
    }
  }
}
