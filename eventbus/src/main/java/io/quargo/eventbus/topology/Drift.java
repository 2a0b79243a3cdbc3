package io.quargo.eventbus.topology;

import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.SubjectTransform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The differences between what exists and what a spec wants, as {@code "max_age 168h -> 24h"} lines. Empty
 * means nothing to do, which is what makes every ensure idempotent. Only settings a spec manages count.
 */
final class Drift {
  private final List<String> changes = new ArrayList<>();

  private Drift() {}

  static List<String> stream(StreamSpec spec, StreamConfiguration existing) {
    StreamLimits limits = spec.limits();
    Drift d = new Drift();
    d.check("subjects", new HashSet<>(existing.getSubjects()), new HashSet<>(spec.subjects()));
    d.check("discard", existing.getDiscardPolicy(), spec.discard());
    d.duration("max_age", existing.getMaxAge(), limits.maxAge());
    d.check("max_bytes", existing.getMaxBytes(), limits.maxBytes());
    d.check("max_msgs", existing.getMaxMsgs(), limits.maxMsgs());
    d.check("num_replicas", existing.getReplicas(), limits.replicas());
    if (limits.duplicateWindow() != null) {
      d.duration("duplicate_window", existing.getDuplicateWindow(), limits.duplicateWindow());
    }
    d.check("description", blankToNull(existing.getDescription()), blankToNull(spec.description()));
    if (spec.subjectTransform() != null) {
      SubjectTransform t = existing.getSubjectTransform();
      d.check("subject_transform", t == null ? null : new StreamSpec.Transform(t.getSource(), t.getDestination()),
          spec.subjectTransform());
    }
    if (spec.allowMessageTtl()) {
      d.check("allow_msg_ttl", existing.getAllowMessageTtl(), true);
    }
    return d.changes;
  }

  static List<String> consumer(ConsumerSpec spec, ConsumerConfiguration existing) {
    Drift d = new Drift();
    d.check("filter_subjects", filters(existing), spec.filterSubjects());
    d.duration("ack_wait", existing.getAckWait(), spec.effectiveAckWait());
    d.check("max_deliver", existing.getMaxDeliver(), spec.maxDeliver());
    d.check("backoff", existing.getBackoff() == null ? List.of() : existing.getBackoff(), spec.backoff());
    d.check("max_ack_pending", existing.getMaxAckPending(), spec.maxAckPending());
    d.check("description", blankToNull(existing.getDescription()), blankToNull(spec.description()));
    return d.changes;
  }

  static List<String> kv(KvSpec spec, KeyValueStatus existing) {
    Drift d = new Drift();
    d.check("history", existing.getMaxHistoryPerKey(), (long) spec.history());
    d.duration("max_age", existing.getTtl(), spec.maxAge());
    d.check("max_bytes", existing.getMaxBucketSize(), spec.maxBytes());
    d.check("num_replicas", existing.getReplicas(), spec.replicas());
    d.check("description", blankToNull(existing.getDescription()), blankToNull(spec.description()));
    return d.changes;
  }

  static List<String> objectStore(ObjectStoreSpec spec, ObjectStoreStatus existing) {
    Drift d = new Drift();
    d.duration("max_age", existing.getTtl(), spec.maxAge());
    d.check("max_bytes", existing.getMaxBucketSize(), spec.maxBytes());
    d.check("num_replicas", existing.getReplicas(), spec.replicas());
    d.check("description", blankToNull(existing.getDescription()), blankToNull(spec.description()));
    return d.changes;
  }

  private void check(String field, Object existing, Object wanted) {
    if (!Objects.equals(existing, wanted)) {
      changes.add(field + " " + existing + " -> " + wanted);
    }
  }

  private void duration(String field, Duration existing, Duration wanted) {
    Duration old = existing == null ? Duration.ZERO : existing;
    if (!old.equals(wanted)) {
      changes.add(field + " " + DurationText.of(old) + " -> " + DurationText.of(wanted));
    }
  }

  private static List<String> filters(ConsumerConfiguration c) {
    List<String> many = c.getFilterSubjects();
    if (many != null && !many.isEmpty()) {
      return many;
    }
    String one = c.getFilterSubject();
    return one == null || one.isEmpty() ? List.of() : List.of(one);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
