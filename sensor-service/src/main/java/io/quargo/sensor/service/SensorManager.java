package io.quargo.sensor.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.eventbus.BusConnection;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.runner.SensorObserver;
import io.quargo.sensor.runner.SensorRunner;
import io.quargo.sensor.spec.SensorParser;
import io.quargo.sensor.trigger.TriggerExecutor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The sensor-service's controller: watches Sensor resources and runs one {@link SensorRunner} per Sensor. A spec
 * change replaces the runner (dependency state stays in KV, so accumulated events survive it); a Sensor that
 * does not parse gets status phase Error with the JSON path of the problem, and nothing runs for it. Each runner
 * reports to the {@link MeterRegistry} ({@link SensorMetrics}) and to {@code status.triggers[]}
 * ({@link TriggerStatusWriter}, written every {@link #withStatusInterval status interval}).
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
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sensor-status");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, SensorRunner> runners = new HashMap<>();
  private final Map<String, TriggerStatusWriter> statusWriters = new ConcurrentHashMap<>();
  private final MeterRegistry registry;
  private Duration statusInterval = Duration.ofSeconds(5);
  private ResourceStore.Watch watch;

  /** With a private {@link SimpleMeterRegistry}: metrics are kept but not exported. */
  public SensorManager(BusConnection bus, ResourceStore store, Supplier<List<TriggerExecutor>> executors,
      RunnerOptions options) {
    this(bus, store, executors, options, new SimpleMeterRegistry());
  }

  public SensorManager(BusConnection bus, ResourceStore store, Supplier<List<TriggerExecutor>> executors,
      RunnerOptions options, MeterRegistry registry) {
    this.bus = bus;
    this.store = store;
    this.executors = executors;
    this.options = options;
    this.registry = registry;
  }

  /** How often trigger outcomes are written to {@code status.triggers[]} (5s by default); before {@link #start}. */
  public SensorManager withStatusInterval(Duration value) {
    this.statusInterval = value;
    return this;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public SensorManager start() {
    long every = statusInterval.toMillis();
    flusher.scheduleWithFixedDelay(() -> statusWriters.values().forEach(TriggerStatusWriter::flush), every, every,
        TimeUnit.MILLISECONDS);
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
    TriggerStatusWriter writer = new TriggerStatusWriter(store, sensor.namespace(), sensor.name(), options.clock());
    try {
      SensorObserver observer = SensorObserver.all(new SensorMetrics(registry, sensor.namespace(), sensor.name()),
          writer);
      SensorRunner runner = new SensorRunner(bus, SensorParser.parse(sensor), executors.get(), options, observer)
          .start();
      runners.put(key, runner);
      statusWriters.put(key, writer);
      status.put("phase", "Running");
    } catch (RuntimeException e) {
      status.put("phase", "Error").put("message", e.getMessage());
      LOG.warnf("Sensor %s not started: %s", key, e.getMessage());
    }
    status.put("observedGeneration", sensor.generation());
    try {
      // status.triggers[] belongs to the status writers: kept across a restart of the runner
      SensorStatus.update(store, sensor.namespace(), sensor.name(), current -> {
        if (current.has("triggers")) {
          status.set("triggers", current.get("triggers"));
        }
        return status;
      });
    } catch (ResourceStoreException e) {
      LOG.debugf("Sensor %s: status not written: %s", key, e.getMessage());
    }
  }

  private void stop(String key) {
    SensorRunner old = runners.remove(key);
    statusWriters.remove(key);
    if (old != null) {
      old.close(); // flushes its status writer
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
    flusher.shutdownNow();
  }
}
