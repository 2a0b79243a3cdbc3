package io.quargo.sensor.service;

import io.quargo.core.resource.ResourceStore;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.secret.StoreSecretResolver;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.Durations;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.trigger.ArgoWorkflowTrigger;
import io.quargo.sensor.trigger.EmailTrigger;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.KafkaTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.sensor.trigger.NatsTrigger;
import io.quargo.sensor.trigger.SlackTrigger;
import java.net.URI;
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
 * default 2m), {@code quargo.sensor.slack.api-url} and {@code quargo.secrets.source}: {@code store} (default; the
 * Secrets applied to the same resource store, read per firing) or {@code kubernetes} (refused here for now: the
 * apiserver resolver lives beside the eventsource-service's cluster access). Triggers: log, http, argoWorkflow (a
 * durable command on the bus, run by the workflow-service that consumes it), nats, kafka, slack and email. Prints
 * {@code sensor-service ready} once its Sensors are watched.
 */
public final class SensorServiceMain {
  static final String SECRETS_SOURCE = "quargo.secrets.source";

  private SensorServiceMain() {}

  /** The resolver of a {@code quargo.secrets.source}; an unusable one is an IllegalArgumentException saying why. */
  static SecretResolver secrets(String source, ResourceStore store) {
    return switch (source.trim()) {
      case "store" -> new StoreSecretResolver(store);
      case "kubernetes" -> throw new IllegalArgumentException(SECRETS_SOURCE + "=kubernetes is not available in the "
          + "separate sensor-service yet: run the standalone server with it, or apply the Secrets to the store "
          + "(quargo apply -f secret.yaml) and use " + SECRETS_SOURCE + "=store");
      default -> throw new IllegalArgumentException(SECRETS_SOURCE + " is '" + source + "': use store or kubernetes");
    };
  }

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
    SecretResolver secrets;
    BusConnection bus;
    try {
      bus = BusConnection.connect(BusConfig.from(props));
    } catch (BusException e) {
      System.err.println("sensor-service: " + e.getMessage());
      System.exit(2);
      return;
    }
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    new Topology(bus).ensureStream(StandardStreams.commands(StreamLimits.defaults()));
    NatsResourceStore store = new NatsResourceStore(bus,
        props.getOrDefault("quargo.store.bucket-prefix", "quargo"), 5);
    try {
      secrets = secrets(props.getOrDefault(SECRETS_SOURCE, "store"), store);
    } catch (IllegalArgumentException e) {
      System.err.println("sensor-service: " + e.getMessage());
      bus.close();
      System.exit(2);
      return;
    }
    Publisher publisher = new Publisher(bus);
    URI slackApi = URI.create(props.getOrDefault("quargo.sensor.slack.api-url", "https://slack.com/api"));
    SensorManager sensors = new SensorManager(bus, store, () -> List.of(new LogTrigger(), new HttpTrigger(secrets),
        new ArgoWorkflowTrigger(publisher), new NatsTrigger(secrets), new KafkaTrigger(secrets),
        new SlackTrigger(secrets, slackApi), new EmailTrigger(secrets)), options).start();
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
