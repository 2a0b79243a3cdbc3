package io.quargo.sensor.service;

import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.Durations;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.core.secret.SecretResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One sensor-service replica as its own process, outside the standalone server: it runs every Sensor in the
 * resource store against the bus. Start as many as you like on one bus; they share each Sensor's durable
 * consumers and its condition state in KV, so each event's trigger fires once whichever replica takes it.
 *
 * <p>Configuration is read from system properties: {@code quargo.bus.*} (see {@link BusConfig#from}; env
 * {@code NATS_URL} when {@code quargo.bus.url} is unset), {@code quargo.store.bucket-prefix} (default
 * {@code quargo}, as the standalone server), {@code quargo.sensor.state-bucket} and
 * {@code quargo.sensor.recover-after} (how long a firing may stay pending before another replica takes it over;
 * default 2m). Triggers: log and http (argoWorkflow needs workflow-service commands on the same bus: the
 * standalone server wires it). Prints {@code sensor-service ready} once its Sensors are watched.
 */
public final class SensorServiceMain {
  private SensorServiceMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    if (!props.containsKey(BusConfig.PREFIX + "url") && System.getenv("NATS_URL") != null) {
      props.put(BusConfig.PREFIX + "url", System.getenv("NATS_URL"));
    }
    props.putIfAbsent(BusConfig.PREFIX + "connection-name", "quargo-sensor-service");
    RunnerOptions options = RunnerOptions.defaults()
        .withStateBucket(props.getOrDefault("quargo.sensor.state-bucket", RunnerOptions.DEFAULT_STATE_BUCKET))
        .withRecoverAfter(Durations.parse("quargo.sensor.recover-after",
            props.getOrDefault("quargo.sensor.recover-after", "2m")));
    BusConnection bus;
    try {
      bus = BusConnection.connect(BusConfig.from(props));
    } catch (BusException e) {
      System.err.println("sensor-service: " + e.getMessage());
      System.exit(2);
      return;
    }
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    NatsResourceStore store = new NatsResourceStore(bus,
        props.getOrDefault("quargo.store.bucket-prefix", "quargo"), 5);
    SensorManager sensors = new SensorManager(bus, store,
        () -> List.of(new LogTrigger(), new HttpTrigger(SecretResolver.none())), options).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sensors.close();
      bus.close();
      stopped.countDown();
    }, "sensor-service-shutdown"));
    System.out.println("sensor-service ready");
    System.out.flush();
    stopped.await();
  }
}
