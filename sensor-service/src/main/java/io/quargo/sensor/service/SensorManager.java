package io.quargo.sensor.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.eventbus.BusConnection;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.runner.SensorRunner;
import io.quargo.sensor.spec.SensorParser;
import io.quargo.sensor.trigger.TriggerExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The sensor-service's controller: watches Sensor resources and runs one {@link SensorRunner} per Sensor. A spec
 * change replaces the runner (dependency state stays in KV, so accumulated events survive it); a Sensor that
 * does not parse gets status phase Error with the JSON path of the problem, and nothing runs for it.
 */
public final class SensorManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SensorManager.class);

  private final BusConnection bus;
  private final ResourceStore store;
  private final Supplier<List<TriggerExecutor>> executors;
  private final RunnerOptions options;
  private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sensor-manager");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, SensorRunner> runners = new HashMap<>();
  private ResourceStore.Watch watch;

  public SensorManager(BusConnection bus, ResourceStore store, Supplier<List<TriggerExecutor>> executors,
      RunnerOptions options) {
    this.bus = bus;
    this.store = store;
    this.executors = executors;
    this.options = options;
  }

  public SensorManager start() {
    ResourceList list = store.list(ArgoKinds.SENSOR, null);
    loop.submit(() -> list.items().forEach(this::apply));
    watch = store.watch(ArgoKinds.SENSOR, null, list.resourceVersion(), e -> post(() -> {
      if (e.type() == WatchEvent.Type.DELETED) {
        stop(key(e.resource()));
      } else if (e.resource().generation() != e.resource().status().path("observedGeneration").asLong(-1)) {
        apply(e.resource());
      }
    }));
    return this;
  }

  private void apply(Resource sensor) {
    String key = key(sensor);
    stop(key);
    ObjectNode status = Json.object();
    try {
      SensorRunner runner = new SensorRunner(bus, SensorParser.parse(sensor), executors.get(), options).start();
      runners.put(key, runner);
      status.put("phase", "Running");
    } catch (RuntimeException e) {
      status.put("phase", "Error").put("message", e.getMessage());
      LOG.warnf("Sensor %s not started: %s", key, e.getMessage());
    }
    status.put("observedGeneration", sensor.generation());
    try {
      store.get(ArgoKinds.SENSOR, sensor.namespace(), sensor.name())
          .ifPresent(current -> store.updateStatus(current.withStatus(status)));
    } catch (ResourceStoreException e) {
      LOG.debugf("Sensor %s: status not written: %s", key, e.getMessage());
    }
  }

  private void stop(String key) {
    SensorRunner old = runners.remove(key);
    if (old != null) {
      old.close();
    }
  }

  private static String key(Resource r) {
    return r.namespace() + "/" + r.name();
  }

  /** Watch events after {@link #close} are dropped: nothing runs any more. */
  private void post(Runnable work) {
    try {
      loop.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("closed; a late watch event is dropped");
    }
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    try {
      loop.submit(() -> List.copyOf(runners.keySet()).forEach(this::stop)).get();
    } catch (Exception e) {
      LOG.debugf("closing the sensors: %s", e.getMessage());
    }
    loop.shutdownNow();
  }
}
