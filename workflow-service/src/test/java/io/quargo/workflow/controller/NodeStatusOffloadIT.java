package io.quargo.workflow.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.workflow.engine.NodeNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A 100,000-node status is stored and read back whole, through a real KV bucket and object store. */
@ExtendWith(NatsServerExtension.class)
class NodeStatusOffloadIT {

  private static ObjectNode bigStatus(int nodes) {
    ObjectNode status = Json.object().put("phase", "Running").put("progress", "0/" + nodes);
    ObjectNode map = status.putObject("nodes");
    for (int i = 0; i < nodes; i++) {
      String name = "big.fan(" + i + ":" + i + ")";
      String id = NodeNames.nodeId("big", name);
      map.putObject(id).put("id", id).put("name", name).put("displayName", "fan(" + i + ":" + i + ")")
          .put("type", "Pod").put("templateName", "echo").put("phase", "Succeeded").put("boundaryID", "big")
          .put("startedAt", "2026-11-21T10:00:00Z").put("finishedAt", "2026-11-21T10:00:01Z");
    }
    return status;
  }

  @Test
  void aHundredThousandNodeStatusIsOffloadedAndHydrated(NatsTestServer nats) {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      NatsResourceStore store = new NatsResourceStore(bus, "off" + System.nanoTime(), 5);
      Resource wf = store.create(Resource.create(ArgoKinds.WORKFLOW, "default", "big"));
      ObjectNode status = bigStatus(100_000);
      String text = Json.string(status);
      assertThat(text.length()).isGreaterThan(20 * 1024 * 1024);
      assertThatThrownBy(() -> store.updateStatus(wf.withStatus(status)))
          .as("without offloading, KV cannot hold it");

      NodeStatusOffload offload = NodeStatusOffload.open(bus, 512 * 1024);
      ObjectNode small = offload.shrink("default", "big", status, text, null);
      assertThat(small.has("nodes")).isFalse();
      assertThat(small.path(NodeStatusOffload.FIELD).asText()).startsWith("default/big/");
      Resource stored = store.updateStatus(wf.withStatus(small));

      Resource back = offload.hydrate(store.get(ArgoKinds.WORKFLOW, "default", "big").orElseThrow());
      assertThat(back.status().path("nodes").size()).isEqualTo(100_000);
      assertThat(back.status().path("nodes")).isEqualTo(status.get("nodes"));

      // a later small status replaces the offloaded copy and removes it
      ObjectNode later = Json.object().put("phase", "Succeeded");
      later.putObject("nodes");
      String previous = small.get(NodeStatusOffload.FIELD).asText();
      store.updateStatus(stored.withStatus(offload.shrink("default", "big", later, Json.string(later), previous)));
      assertThatThrownBy(() -> offload.nodes(previous));
    }
  }
}
