package io.quargo.sensor.service;

import io.quargo.core.secret.SecretResolver;
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
import io.quargo.kube.ClusterAccess;
import io.quargo.kube.SecretSources;
import io.quargo.sensor.trigger.ArgoWorkflowTrigger;
import io.quargo.sensor.trigger.EmailTrigger;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.K8sTrigger;
import io.quargo.sensor.trigger.KafkaTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.sensor.trigger.NatsTrigger;
import io.quargo.sensor.trigger.SlackTrigger;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
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
 * Secrets applied to the same resource store, read per firing) or {@code kubernetes} (the apiserver's, read per
 * firing). Triggers: log, http, argoWorkflow (a
 * durable command on the bus, run by the workflow-service that consumes it), nats, kafka, slack, email and k8s (to
 * the apiserver of the in-cluster account or the kubeconfig; without one a k8s trigger fails saying so). Prints
 * {@code sensor-service ready} once its Sensors are watched.
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
    ClusterAccess cluster = ClusterAccess.fromEnvironment();
    try {
      secrets = SecretSources.of(props.getOrDefault(SecretSources.KEY, "store"), store, cluster);
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
        new SlackTrigger(secrets, slackApi), new EmailTrigger(secrets), new K8sTrigger(new ClusterTarget(cluster))),
        options).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sensors.close();
      cluster.close();
      bus.close();
      stopped.countDown();
    }, "sensor-service-shutdown"));
    System.out.println("sensor-service ready");
    System.out.flush();
    stopped.await();
  }
}
