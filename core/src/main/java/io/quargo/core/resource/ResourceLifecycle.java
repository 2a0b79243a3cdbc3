package io.quargo.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.ResourceStoreException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The API server's rules for what a write does to a resource, free of storage: every {@link
 * ResourceStore} applies these and adds only the compare-and-set on its own revisions.
 */
public final class ResourceLifecycle {
  /** Kubernetes' generateName alphabet: no vowels, no look-alikes. */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int SUFFIX_LENGTH = 5;
  private static final int MAX_NAME = 253;
  private static final int MAX_NAMESPACE = 63;
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final Clock clock;
  private final RandomGenerator random;

  public ResourceLifecycle(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  public static ResourceLifecycle system() {
    return new ResourceLifecycle(Clock.systemUTC(), new java.security.SecureRandom());
  }

  /** Checks a new resource and fills what the server owns: name, uid, timestamps, generation. */
  public Resource forCreate(ResourceKind kind, Resource resource) {
    checkKind(kind, resource);
    Resource named = resource;
    if (isBlank(resource.name())) {
      if (isBlank(resource.generateName())) {
        throw invalid("metadata.name", "is required; set metadata.name or metadata.generateName");
      }
      named = resource.withName(generatedName(resource.generateName()));
    }
    checkIdentity(kind, named.namespace(), named.name());
    return named.editMetadata(m -> {
      m.put("uid", UUID.randomUUID().toString());
      m.put("creationTimestamp", now());
      m.put("generation", 1);
      m.remove("resourceVersion");
      m.remove("deletionTimestamp");
    });
  }

  /**
   * The resource an update stores: the caller's metadata and spec, the stored status and the
   * server-owned metadata. Generation moves only when the spec changes.
   */
  public Resource forUpdate(ResourceKind kind, Resource stored, Resource incoming) {
    checkKind(kind, incoming);
    boolean specChanged = !Objects.equals(stored.spec(), incoming.spec());
    long generation = stored.generation() + (specChanged ? 1 : 0);
    return incoming.withStatus(stored.status()).editMetadata(m -> {
      copyServerOwned(stored, m);
      m.put("generation", generation);
    });
  }

  /** The resource a status update stores: everything as stored but the status. */
  public Resource forStatusUpdate(Resource stored, Resource incoming) {
    return stored.withStatus(incoming.status());
  }

  /** Marks a resource whose finalizers hold its deletion back. */
  public Resource markDeleting(Resource stored) {
    if (stored.isDeleting()) {
      return stored;
    }
    return stored.editMetadata(m -> m.put("deletionTimestamp", now()));
  }

  /** True when a resource should leave the store: marked for deletion and no finalizer left. */
  public static boolean isGone(Resource resource) {
    return resource.isDeleting() && resource.finalizers().isEmpty();
  }

  /** The kind a manifest names in its {@code kind} field, or INVALID naming the kinds served. */
  public static ResourceKind kindOf(Resource resource) {
    if (resource.kind() == null) {
      throw invalid("kind", "is required");
    }
    return ArgoKinds.find(resource.kind()).orElseThrow(() -> invalid("kind", "'" + resource.kind()
        + "' is not served; expected one of " + ArgoKinds.ALL.stream().map(ResourceKind::kind).toList()));
  }

  /** Rejects a namespace or name the store cannot key on, naming the field and the rule. */
  public static void checkIdentity(ResourceKind kind, String namespace, String name) {
    if (kind.namespaced()) {
      if (isBlank(namespace)) {
        throw invalid("metadata.namespace", "is required for " + kind.kind());
      }
      if (namespace.length() > MAX_NAMESPACE || !DNS_LABEL.matcher(namespace).matches()) {
        throw invalid("metadata.namespace", "'" + namespace + "' must be a DNS label: at most "
            + MAX_NAMESPACE + " lower-case letters, digits and '-', starting and ending alphanumeric");
      }
    }
    if (isBlank(name)) {
      throw invalid("metadata.name", "is required");
    }
    if (name.length() > MAX_NAME || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw invalid("metadata.name", "'" + name + "' must be a DNS subdomain: at most " + MAX_NAME
          + " lower-case letters, digits, '-' and '.', starting and ending alphanumeric");
    }
  }

  private static void checkKind(ResourceKind kind, Resource resource) {
    if (resource.kind() != null && !resource.kind().equals(kind.kind())) {
      throw invalid("kind", "is '" + resource.kind() + "' but this store holds " + kind.kind());
    }
    if (resource.apiVersion() != null && !resource.apiVersion().equals(kind.apiVersion())) {
      throw invalid("apiVersion", "is '" + resource.apiVersion() + "'; " + kind.kind()
          + " is served as " + kind.apiVersion());
    }
  }

  private static void copyServerOwned(Resource stored, ObjectNode metadata) {
    metadata.put("uid", stored.uid());
    metadata.put("creationTimestamp", stored.creationTimestamp());
    if (stored.isDeleting()) {
      metadata.put("deletionTimestamp", stored.deletionTimestamp());
    } else {
      metadata.remove("deletionTimestamp");
    }
  }

  private String generatedName(String prefix) {
    String base = prefix.length() > 63 - SUFFIX_LENGTH ? prefix.substring(0, 63 - SUFFIX_LENGTH) : prefix;
    StringBuilder name = new StringBuilder(base);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      name.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return name.toString();
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static ResourceStoreException invalid(String path, String message) {
    return new ResourceStoreException(Reason.INVALID, path + " " + message);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
