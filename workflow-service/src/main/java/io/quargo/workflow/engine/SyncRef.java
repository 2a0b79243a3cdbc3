package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lock a {@code synchronization} block asks for, keyed as Argo writes it: {@code <namespace>/Mutex/<name>} or
 * {@code <namespace>/ConfigMap/<configMap>/<key>}.
 */
public record SyncRef(String key, boolean mutex, String namespace, String configMap, String configMapKey) {

  /** A mutex holds one; a semaphore as many as its ConfigMap says. */
  public static SyncRef mutex(String namespace, String name) {
    return new SyncRef(namespace + "/Mutex/" + name, true, namespace, null, null);
  }

  public static SyncRef semaphore(String namespace, String configMap, String key) {
    return new SyncRef(namespace + "/ConfigMap/" + configMap + "/" + key, false, namespace, configMap, key);
  }

  /**
   * Every lock of a {@code synchronization} block: the legacy {@code mutex}/{@code semaphore} and the v3.6
   * {@code mutexes}/{@code semaphores} lists, duplicates dropped. {@code path} names the block in errors.
   */
  public static List<SyncRef> parse(JsonNode sync, String namespace, String path) {
    Map<String, SyncRef> refs = new LinkedHashMap<>();
    if (sync == null || !sync.isObject()) {
      return List.of();
    }
    if (sync.hasNonNull("mutex")) {
      add(refs, mutexOf(sync.get("mutex"), namespace, path + ".mutex"));
    }
    int i = 0;
    for (JsonNode m : sync.path("mutexes")) {
      add(refs, mutexOf(m, namespace, path + ".mutexes[" + i++ + "]"));
    }
    if (sync.hasNonNull("semaphore")) {
      add(refs, semaphoreOf(sync.get("semaphore"), namespace, path + ".semaphore"));
    }
    i = 0;
    for (JsonNode s : sync.path("semaphores")) {
      add(refs, semaphoreOf(s, namespace, path + ".semaphores[" + i++ + "]"));
    }
    return new ArrayList<>(refs.values());
  }

  private static void add(Map<String, SyncRef> refs, SyncRef ref) {
    refs.putIfAbsent(ref.key(), ref);
  }

  private static SyncRef mutexOf(JsonNode m, String namespace, String path) {
    noDatabase(m, path);
    String name = m.path("name").asText("");
    if (name.isEmpty()) {
      throw new EngineException(path + ".name is required: name the mutex, e.g. {name: my-mutex}");
    }
    String ns = m.path("namespace").asText("");
    return mutex(ns.isEmpty() ? namespace : ns, name);
  }

  private static SyncRef semaphoreOf(JsonNode s, String namespace, String path) {
    noDatabase(s, path);
    JsonNode ref = s.path("configMapKeyRef");
    String name = ref.path("name").asText("");
    String key = ref.path("key").asText("");
    if (name.isEmpty() || key.isEmpty()) {
      throw new EngineException(path + ".configMapKeyRef needs both name and key: the ConfigMap and the data key"
          + " holding the semaphore's limit, e.g. {configMapKeyRef: {name: my-config, key: workflow}}");
    }
    String ns = s.path("namespace").asText("");
    return semaphore(ns.isEmpty() ? namespace : ns, name, key);
  }

  private static void noDatabase(JsonNode lock, String path) {
    if (lock.has("database")) {
      throw new EngineException(path + ".database: database (multi-controller) locks need a shared SQL"
          + " database; the standalone engine keeps its locks in one process; use a local lock (drop database)");
    }
  }
}
