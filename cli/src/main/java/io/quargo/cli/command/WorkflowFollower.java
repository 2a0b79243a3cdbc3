package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.StreamBrokenException;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.render.PhaseStyle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Follows one workflow to completion over the workflow-events stream (argo watch / argo wait). The
 * current state is read first, so a workflow that already finished returns at once; a stream the
 * server closes early is reopened, re-reading the state in between so no change is missed.
 */
final class WorkflowFollower {
  private final WorkflowApi api;

  WorkflowFollower(WorkflowApi api) {
    this.api = api;
  }

  static boolean completed(JsonNode wf) {
    return PhaseStyle.completed(wf.path("status").path("phase").asText(""));
  }

  /** Calls {@code onUpdate} with each new state and returns the completed workflow. */
  JsonNode follow(String name, Consumer<JsonNode> onUpdate) {
    while (true) {
      JsonNode wf = api.get(name);
      onUpdate.accept(wf);
      if (completed(wf)) {
        return wf;
      }
      AtomicReference<JsonNode> last = new AtomicReference<>(wf);
      if (watchUntilCompleted(name, last, onUpdate)) {
        return last.get();
      }
      pause();
    }
  }

  /** True when the stream showed completion; false when it ended or broke first (the caller reconnects). */
  private boolean watchUntilCompleted(String name, AtomicReference<JsonNode> last, Consumer<JsonNode> onUpdate) {
    try {
      return api.watch(name, event -> {
        if ("DELETED".equals(event.path("type").asText())) {
          throw new CliException("workflow " + name + " was deleted before it completed");
        }
        JsonNode object = event.path("object");
        if (!object.isObject() || !name.equals(object.path("metadata").path("name").asText())) {
          return true;
        }
        last.set(object);
        onUpdate.accept(object);
        return !completed(object);
      });
    } catch (StreamBrokenException e) {
      return false;
    }
  }

  /** The server closed the stream: wait a moment before reconnecting rather than spinning. */
  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }
}
