package io.quargo.eventbus.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The KV store across a server restart: writes fail while it is down, and watches carry on after. */
@ExtendWith(NatsServerExtension.class)
class NatsResourceStoreOutageIT {

  @Test
  void watchResumesAfterRestartWithoutGapOrDuplicate(@NatsServerExtension.Dedicated NatsTestServer nats) {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      NatsResourceStore store = new NatsResourceStore(bus, "outage", 10);
      Resource first = store.create(Resource.create(ArgoKinds.WORKFLOW, "argo", "before").withSpec(Json.object()));
      List<String> seen = new CopyOnWriteArrayList<>();
      try (ResourceStore.Watch watch = store.watch(ArgoKinds.WORKFLOW, "argo", null,
          (WatchEvent e) -> seen.add(e.type() + " " + e.resource().name()))) {
        await().until(() -> seen.size() == 1);

        nats.stop();
        await().until(() -> !bus.health().up());
        assertThatThrownBy(() -> store.create(Resource.create(ArgoKinds.WORKFLOW, "argo", "while-down")))
            .isInstanceOfSatisfying(ResourceStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(ResourceStoreException.Reason.UNAVAILABLE));
        nats.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.health().up());

        await().atMost(Duration.ofSeconds(20)).until(() -> createTolerantly(store, "after"));
        store.updateStatus(store.get(ArgoKinds.WORKFLOW, "argo", "before").orElseThrow()
            .withStatus(Json.object().put("phase", "Running")));
        // well under jnats' own ~30 s heartbeat-based recovery
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
        assertThat(seen).containsExactly("ADDED before", "ADDED after", "MODIFIED before");
        assertThat(store.get(ArgoKinds.WORKFLOW, "argo", "before").orElseThrow().uid()).isEqualTo(first.uid());
      }
    }
  }

  /** JetStream may still be electing its meta leader right after a restart: retry until it answers. */
  private static boolean createTolerantly(NatsResourceStore store, String name) {
    try {
      store.create(Resource.create(ArgoKinds.WORKFLOW, "argo", name).withSpec(Json.object()));
      return true;
    } catch (ResourceStoreException e) {
      return e.reason() == ResourceStoreException.Reason.ALREADY_EXISTS;
    }
  }
}
