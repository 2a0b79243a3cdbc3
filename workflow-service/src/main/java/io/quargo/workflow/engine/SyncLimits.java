package io.quargo.workflow.engine;

/**
 * Where a semaphore's limit comes from: in Argo, {@code data.<key>} of a ConfigMap, read again on every
 * acquisition so a changed ConfigMap changes the limit for later holders.
 */
@FunctionalInterface
public interface SyncLimits {
  /** The limit of {@code ref}'s semaphore; an {@link EngineException} saying what is missing otherwise. */
  int limit(SyncRef ref);

  /** No ConfigMaps at all (a single workflow run without a resource store). */
  SyncLimits NONE = ref -> {
    throw new EngineException("ConfigMap " + ref.namespace() + "/" + ref.configMap()
        + " not found: semaphores need a ConfigMap with the limit; this mode has no ConfigMaps (run the workflow"
        + " through the standalone controller and apply the ConfigMap there)");
  };

  /** Parses a ConfigMap's {@code data.<key>} value as Argo does (a whole number), or says why it cannot. */
  static int parse(SyncRef ref, String value) {
    if (value == null) {
      throw new EngineException("Sync configuration key '" + ref.configMapKey() + "' not found in ConfigMap "
          + ref.namespace() + "/" + ref.configMap() + ": add data." + ref.configMapKey() + " with the limit");
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new EngineException("ConfigMap " + ref.namespace() + "/" + ref.configMap() + " data."
          + ref.configMapKey() + " is '" + value + "': a semaphore limit must be a whole number");
    }
  }
}
