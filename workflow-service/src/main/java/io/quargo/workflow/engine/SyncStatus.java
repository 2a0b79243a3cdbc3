package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.List;

/**
 * A workflow's {@code status.synchronization} in Argo's shape ({@code mutex.holding[{holder, mutex}]},
 * {@code mutex.waiting}, {@code semaphore.holding[{holders, semaphore}]}, {@code semaphore.waiting}), and the way
 * back: a restarted controller re-registers the holders it finds there.
 */
public final class SyncStatus {
  /** One lock as seen from a workflow: its holders from the workflow, and whether it waits for the lock. */
  record Entry(String lockKey, List<String> mine, boolean waiting, List<String> allHolders) {}

  private SyncStatus() {}

  /** The workflow's status.synchronization, or null when it holds and waits for nothing. */
  public static ObjectNode of(SyncLocks locks, String workflowKey) {
    ObjectNode sync = Json.MAPPER.createObjectNode();
    for (Entry e : locks.entries(workflowKey)) {
      boolean mutex = isMutex(e.lockKey());
      String kind = mutex ? "mutex" : "semaphore";
      ObjectNode section = sync.get(kind) instanceof ObjectNode o ? o : sync.putObject(kind);
      if (!e.mine().isEmpty()) {
        ArrayNode holding = array(section, "holding");
        if (mutex) {
          e.mine().forEach(h -> holding.addObject().put("holder", h).put("mutex", e.lockKey()));
        } else {
          ObjectNode entry = holding.addObject();
          e.mine().forEach(array(entry, "holders")::add);
          entry.put("semaphore", e.lockKey());
        }
      }
      if (e.waiting()) {
        ObjectNode entry = array(section, "waiting").addObject();
        if (mutex) {
          entry.put("holder", e.allHolders().isEmpty() ? "" : e.allHolders().get(0)).put("mutex", e.lockKey());
        } else {
          e.allHolders().forEach(array(entry, "holders")::add);
          entry.put("semaphore", e.lockKey());
        }
      }
    }
    return sync.isEmpty() ? null : sync;
  }

  /** Re-registers the holders a persisted {@code status.synchronization} names (controller restart). */
  public static void reacquire(SyncLocks locks, JsonNode sync) {
    if (sync == null) {
      return;
    }
    for (JsonNode h : sync.path("mutex").path("holding")) {
      if (!h.path("holder").asText("").isEmpty()) {
        locks.reacquire(h.path("mutex").asText(), h.path("holder").asText(), true);
      }
    }
    for (JsonNode h : sync.path("semaphore").path("holding")) {
      h.path("holders").forEach(holder -> locks.reacquire(h.path("semaphore").asText(), holder.asText(), false));
    }
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    return parent.get(field) instanceof ArrayNode a ? a : parent.putArray(field);
  }

  static boolean isMutex(String lockKey) {
    String[] parts = lockKey.split("/", 3);
    return parts.length > 1 && parts[1].equals("Mutex");
  }
}
