package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.text.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A template's {@code memoize} (Argo's step-level memoization): before a memoized node is created its key is
 * looked up; an entry younger than {@code maxAge} makes the node Succeeded with the cached outputs and
 * {@code memoizationStatus.hit = true} without running it. A miss runs the node with {@code hit = false}, and
 * only when it ends Succeeded are its outputs stored. A key Argo's cache refuses, a bad {@code maxAge} or a
 * cache that fails makes the node Error with the reason.
 */
final class Memoization {
  /** The keys Argo's ConfigMap cache accepts. */
  private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9][-a-zA-Z0-9]*$");

  private Memoization() {}

  /**
   * What the cache says about a node about to be created: {@code node} is set for a hit (Succeeded) or a
   * failure (Error); otherwise {@code miss} is the status to give the node that runs.
   */
  record Outcome(Node node, MemoizationStatus miss) {}

  static Outcome check(Operator op, String nodeName, ResolvedTemplate r, CallOptions opts, boolean retried) {
    JsonNode memoize = r.template().get("memoize");
    String key = memoize.path("key").asText("");
    String cacheName = memoize.path("cache").path("configMap").path("name").asText("");
    if (cacheName.isEmpty()) {
      return failed(op, nodeName, opts, "memoize.cache.configMap.name is required: name the cache to use");
    }
    if (!KEY.matcher(key).matches()) {
      return failed(op, nodeName, opts, "invalid cache key: " + key);
    }
    Duration maxAge = null;
    String maxAgeText = memoize.path("maxAge").asText("");
    if (!maxAgeText.isEmpty()) {
      try {
        maxAge = Duration.ofNanos(GoDuration.parse(maxAgeText));
      } catch (IllegalArgumentException e) {
        return failed(op, nodeName, opts, "invalid maxAge: " + e.getMessage());
      }
    }
    Optional<MemoEntry> entry;
    try {
      entry = op.memo.get(op.run.namespace, cacheName, key, op.now);
    } catch (RuntimeException e) {
      return failed(op, nodeName, opts, "memoization cache " + cacheName + " could not be read: " + e.getMessage());
    }
    boolean fresh = entry.isPresent() && !entry.get().nodeId().isEmpty()
        && (maxAge == null || Duration.between(entry.get().creationTimestamp(), op.now).compareTo(maxAge) <= 0);
    if (!fresh) {
      return new Outcome(null, new MemoizationStatus(false, key, cacheName));
    }
    Node node = op.create(nodeName, retried ? NodeType.Retry : Operator.typeOf(r), opts, r);
    node.memoizationStatus = new MemoizationStatus(true, key, cacheName);
    node.outputs = entry.get().outputs() == null ? null : entry.get().outputs().deepCopy();
    node.globalNames = globalNames(node.outputs);
    return new Outcome(op.finish(node, NodePhase.Succeeded, null), null);
  }

  /**
   * Stores a miss node's outputs once it Succeeded; returns null, or why the cache refused them (the node then
   * ends in Error, as in Argo).
   */
  static String save(MemoCache cache, String namespace, Node node, Instant now) {
    MemoizationStatus status = node.memoizationStatus;
    if (status == null || status.hit()) {
      return null;
    }
    try {
      cache.put(namespace, status.cacheName(), status.key(),
          new MemoEntry(node.id, node.outputs == null ? null : node.outputs.deepCopy(), now, now));
      return null;
    } catch (RuntimeException e) {
      return "memoization cache " + status.cacheName() + " could not store key " + status.key() + ": "
          + e.getMessage();
    }
  }

  private static Outcome failed(Operator op, String nodeName, CallOptions opts, String message) {
    return new Outcome(op.errorNode(nodeName, null, opts, message), null);
  }

  /** Cached parameters keep their {@code globalName}: a hit exports them like a run would. */
  private static java.util.Map<String, String> globalNames(ObjectNode outputs) {
    if (outputs == null) {
      return null;
    }
    java.util.Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode p : outputs.path("parameters")) {
      if (p.hasNonNull("globalName")) {
        names.put(p.path("name").asText(), p.get("globalName").asText());
      }
    }
    return names.isEmpty() ? null : names;
  }
}
