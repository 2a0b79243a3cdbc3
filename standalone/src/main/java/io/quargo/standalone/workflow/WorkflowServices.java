package io.quargo.standalone.workflow;

import io.quargo.core.resource.ResourceStore;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The workflow side of the standalone server: resources in NATS KV, a local executor under
 * {@code <data-dir>/executor}, lifecycle events on the bus, and the controller that runs workflows. Started
 * eagerly so workflows left unfinished by a previous run resume at boot, not at the first API call.
 */
@Startup
@Singleton
public class WorkflowServices {
  private final NatsResourceStore store;
  private final LocalExecutor executor;
  private final WorkflowController controller;

  WorkflowServices(BusConnection bus, @ConfigProperty(name = "quargo.data-dir") String dataDir,
      @ConfigProperty(name = "quargo.store.bucket-prefix") String bucketPrefix,
      @ConfigProperty(name = "quargo.store.history") int history) {
    new Topology(bus).ensureStream(StandardStreams.lifecycle(StreamLimits.defaults()));
    this.store = new NatsResourceStore(bus, bucketPrefix, history);
    this.executor = new LocalExecutor(Path.of(dataDir, "executor"));
    this.controller = new WorkflowController(store, executor, new BusLifecycleSink(new Publisher(bus),
        Clock.systemUTC()), new EngineSettings(hostName(), true), Clock.systemUTC());
    controller.start();
  }

  public ResourceStore store() {
    return store;
  }

  public LocalExecutor executor() {
    return executor;
  }

  public WorkflowController controller() {
    return controller;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  // on ShutdownEvent, which comes before any bean is destroyed: the bus connection must still be open.
  // Controller first: it stops handing work to the executor before the executor kills what runs.
  void close(@Observes ShutdownEvent event) {
    controller.close();
    executor.close();
  }
}
