package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.topology.Subjects;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/v1/workflow-events/{ns}}: Argo's WatchWorkflows fed by lifecycle events rather than a Kubernetes
 * watch. It subscribes to {@code lifecycle.<ns>.workflow.>} first, then sends the current workflows as ADDED,
 * then for each phase change re-reads the workflow and sends it as MODIFIED (once per resourceVersion).
 * Deletions are not reported: the lifecycle stream carries phase changes only.
 */
public final class WorkflowEventStream {
  private final BusConnection bus;
  private final ResourceStore store;

  /** Where events go; {@code false} once the client has gone. */
  public interface EventSink {
    boolean write(ObjectNode event);

    /** Called when nothing happened for a while; {@code false} once the client has gone. */
    boolean idle();
  }

  public WorkflowEventStream(BusConnection bus, ResourceStore store) {
    this.bus = bus;
    this.store = store;
  }

  /** {@code metadata.name=X} (other fields are ignored, as the brief of this API allows); null when absent. */
  public static String nameFilter(String fieldSelector) {
    if (fieldSelector == null) {
      return null;
    }
    for (String part : fieldSelector.split(",")) {
      String[] kv = part.trim().split("==?", 2);
      if (kv.length == 2 && kv[0].trim().equals("metadata.name")) {
        return kv[1].trim();
      }
    }
    return null;
  }

  public void stream(String namespace, String name, EventSink sink) throws InterruptedException {
    String prefix = Subjects.LIFECYCLE_PREFIX + "." + Subjects.token("namespace", namespace) + ".workflow.";
    BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    Dispatcher dispatcher = bus.nats().createDispatcher(queue::offer);
    dispatcher.subscribe(name == null ? prefix + ">" : prefix + Subjects.token("name", name));
    try {
      Map<String, String> sentVersions = new HashMap<>();
      for (Resource wf : store.list(ArgoKinds.WORKFLOW, namespace).items()) {
        if ((name == null || wf.name().equals(name)) && !send(wf, "ADDED", sentVersions, sink)) {
          return;
        }
      }
      while (true) {
        Message m = queue.poll(1, TimeUnit.SECONDS);
        if (m == null) {
          if (!sink.idle()) {
            return;
          }
          continue;
        }
        String wfName = m.getSubject().substring(prefix.length());
        var wf = store.get(ArgoKinds.WORKFLOW, namespace, wfName);
        if (wf.isPresent() && !send(wf.get(), "MODIFIED", sentVersions, sink)) {
          return;
        }
      }
    } finally {
      bus.nats().closeDispatcher(dispatcher);
    }
  }

  private static boolean send(Resource wf, String type, Map<String, String> sent, EventSink sink) {
    if (wf.resourceVersion().equals(sent.put(wf.name(), wf.resourceVersion()))) {
      return true;
    }
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.putObject("result").put("type", type).set("object", wf.tree());
    return sink.write(event);
  }
}
