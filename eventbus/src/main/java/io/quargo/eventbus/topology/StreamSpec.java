package io.quargo.eventbus.topology;

import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.SubjectTransform;
import io.quargo.eventbus.BusException;
import java.util.List;

/**
 * The desired shape of one stream. {@link Topology#ensureStream} creates it or brings an existing stream to it.
 *
 * @param name stream name (no '.', '*', '>' or whitespace)
 * @param subjects the subjects it captures, e.g. {@code events.>}
 * @param retention limits (keep until a limit drops it), interest or work queue; cannot change later
 * @param discard what goes when a limit is hit: old messages, or new publishes are refused
 * @param limits age, size, replicas, dedup window, storage
 * @param description shown by {@code nats stream info}; may be null
 * @param subjectTransform optional {@code source -> destination} rewrite; needs nats-server 2.10
 * @param allowMessageTtl per-message TTL ({@code Nats-TTL}); needs nats-server 2.11
 */
public record StreamSpec(
    String name,
    List<String> subjects,
    RetentionPolicy retention,
    DiscardPolicy discard,
    StreamLimits limits,
    String description,
    Transform subjectTransform,
    boolean allowMessageTtl) {

  public StreamSpec {
    Subjects.token("stream name", name);
    if (subjects == null || subjects.isEmpty()) {
      throw new BusException("stream " + name + " has no subjects; give at least one, e.g. events.>");
    }
    subjects = List.copyOf(subjects);
    retention = retention == null ? RetentionPolicy.Limits : retention;
    discard = discard == null ? DiscardPolicy.Old : discard;
    limits = limits == null ? StreamLimits.defaults() : limits;
  }

  /** A limits-retention stream that drops the oldest messages first. */
  public static StreamSpec of(String name, StreamLimits limits, String... subjects) {
    return new StreamSpec(name, List.of(subjects), RetentionPolicy.Limits, DiscardPolicy.Old, limits, null, null, false);
  }

  public StreamSpec withLimits(StreamLimits value) {
    return new StreamSpec(name, subjects, retention, discard, value, description, subjectTransform, allowMessageTtl);
  }

  public StreamSpec withRetention(RetentionPolicy value) {
    return new StreamSpec(name, subjects, value, discard, limits, description, subjectTransform, allowMessageTtl);
  }

  public StreamSpec withDiscard(DiscardPolicy value) {
    return new StreamSpec(name, subjects, retention, value, limits, description, subjectTransform, allowMessageTtl);
  }

  public StreamSpec withDescription(String value) {
    return new StreamSpec(name, subjects, retention, discard, limits, value, subjectTransform, allowMessageTtl);
  }

  public StreamSpec withSubjectTransform(Transform value) {
    return new StreamSpec(name, subjects, retention, discard, limits, description, value, allowMessageTtl);
  }

  public StreamSpec withAllowMessageTtl(boolean value) {
    return new StreamSpec(name, subjects, retention, discard, limits, description, subjectTransform, value);
  }

  /**
   * The jnats configuration: {@code base} (the existing stream's, or null for a new one) with every setting
   * this spec manages replaced, so settings an operator made by hand on other fields survive an update.
   */
  StreamConfiguration toConfiguration(StreamConfiguration base) {
    StreamConfiguration.Builder b = base == null ? StreamConfiguration.builder() : StreamConfiguration.builder(base);
    b.name(name)
        .subjects(subjects)
        .retentionPolicy(retention)
        .discardPolicy(discard)
        .storageType(limits.storage())
        .maxAge(limits.maxAge())
        .maxBytes(limits.maxBytes())
        .maxMessages(limits.maxMsgs())
        .replicas(limits.replicas())
        .description(description);
    if (limits.duplicateWindow() != null) {
      b.duplicateWindow(limits.duplicateWindow());
    }
    if (subjectTransform != null) {
      b.subjectTransform(SubjectTransform.builder()
          .source(subjectTransform.source()).destination(subjectTransform.destination()).build());
    }
    if (allowMessageTtl) {
      b.allowMessageTtl();
    }
    return b.build();
  }

  /** A subject rewrite applied as messages enter the stream. */
  public record Transform(String source, String destination) {}
}
