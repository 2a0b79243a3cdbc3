package io.quargo.standalone.workflow;

import io.quargo.core.resource.ResourceStore;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import io.quargo.eventsource.service.EventSourceManager;
import io.quargo.eventsource.service.LeaseSettings;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.service.SensorManager;
import io.quargo.sensor.trigger.ArgoWorkflowTrigger;
import io.quargo.sensor.trigger.EmailTrigger;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.K8sTrigger;
import io.quargo.sensor.trigger.KafkaTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.sensor.trigger.NatsTrigger;
import io.quargo.sensor.trigger.SlackTrigger;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import io.quargo.sensor.trigger.k8s.LocalTarget;
import io.quargo.kube.ClusterAccess;
import io.quargo.kube.SecretSources;
import io.quargo.workflow.controller.HydratingResourceStore;
import io.quargo.workflow.controller.NodeStatusOffload;
import io.quargo.workflow.controller.WorkflowCommandConsumer;
import io.quargo.workflow.controller.WorkflowCommands;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.artifacts.NatsArtifactRepository;
import io.quargo.workflow.cron.CronWorkflowController;
import io.vertx.core.Vertx;
import java.util.List;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.RoutingExecutor;
import io.quargo.workflow.executor.http.HttpTemplateExecutor;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.quargo.workflow.executor.local.LocalExecutorOptions;
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
 * Every service of the standalone server: resources in NATS KV, a local executor under
 * {@code <data-dir>/executor} with artifacts in the object store bucket {@code quargo-artifacts}, lifecycle events on the bus, the controller that runs workflows (with large node
 * trees offloaded to the object store), workflow commands from the bus, CronWorkflows, and the event-source and
 * sensor managers (k8s triggers write to the store, or to an apiserver when a kubeconfig gives one). Started eagerly so workflows left unfinished by a previous run resume at boot.
 */
@Startup
@Singleton
public class WorkflowServices {
  private final NatsResourceStore store;
  private final ResourceStore apiStore;
  private final LocalExecutor executor;
  private final WorkflowController controller;
  private final WorkflowCommandConsumer commands;
  private final CronWorkflowController crons;
  private final EventSourceManager eventSources;
  private final SensorManager sensors;
  private final ClusterAccess cluster = ClusterAccess.fromEnvironment();

  WorkflowServices(BusConnection bus, Vertx vertx, MeterRegistry meters,
      @ConfigProperty(name = "quargo.data-dir") String dataDir,
      @ConfigProperty(name = "quargo.store.bucket-prefix") String bucketPrefix,
      @ConfigProperty(name = "quargo.store.history") int history,
      @ConfigProperty(name = "quargo.webhook.host") String webhookHost,
      @ConfigProperty(name = "quargo.workflow.offload-bytes") int offloadBytes,
      @ConfigProperty(name = "quargo.sensor.slack.api-url", defaultValue = "https://slack.com/api") String slackApi,
      @ConfigProperty(name = SecretSources.KEY, defaultValue = "store") String secretsFrom) {
    Topology topology = new Topology(bus);
    topology.ensureStream(StandardStreams.lifecycle(StreamLimits.defaults()));
    topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
    topology.ensureStream(StandardStreams.commands(StreamLimits.defaults()));
    this.store = new NatsResourceStore(bus, bucketPrefix, history);
    // Secrets for EventSources and Sensors alike: applied to this store, or read from the apiserver
    SecretResolver secrets = SecretSources.of(secretsFrom, store, cluster);
    // artifacts go to the NATS object store, so a consumer after a restart (or on another engine) finds them
    this.executor = new LocalExecutor(Path.of(dataDir, "executor"), LocalExecutorOptions.defaults(),
        NatsArtifactRepository.open(bus, NatsArtifactRepository.BUCKET));
    Publisher publisher = new Publisher(bus);
    this.controller = new WorkflowController(store, new RoutingExecutor(executor, new HttpTemplateExecutor()),
        new BusLifecycleSink(publisher, Clock.systemUTC()), new EngineSettings(hostName(), true), Clock.systemUTC())
        .withOffload(NodeStatusOffload.open(bus, offloadBytes))
        .withMemoCache(io.quargo.workflow.controller.KvMemoCache.ensure(bus));
    controller.start();
    this.apiStore = new HydratingResourceStore(store, controller);
    this.commands = WorkflowCommandConsumer.start(bus, new WorkflowCommands(store, controller, Clock.systemUTC()));
    this.crons = new CronWorkflowController(store, controller, Clock.systemUTC()).start();
    // event counters and publish timers on /q/metrics; leases apart per bucket prefix, as the resources are
    this.eventSources = new EventSourceManager(bus, store, vertx, webhookHost, secrets).withMeterRegistry(meters)
        .withLeases(LeaseSettings.defaults().withBucket(bucketPrefix + "-" + LeaseSettings.BUCKET)).start();
    SecretResolver sensorSecrets = secrets;
    this.sensors = new SensorManager(bus, store, () -> List.of(new LogTrigger(), new HttpTrigger(sensorSecrets),
        new ArgoWorkflowTrigger(publisher), new NatsTrigger(sensorSecrets), new KafkaTrigger(sensorSecrets),
        new SlackTrigger(sensorSecrets, java.net.URI.create(slackApi)), new EmailTrigger(sensorSecrets),
        // k8s: kinds the store holds stay here (a Workflow is submitted and runs); others need a kubeconfig
        new K8sTrigger(new LocalTarget(publisher, store, new ClusterTarget(cluster)))),
        RunnerOptions.defaults(), meters).start();
  }

  /** The store as the API sees it: workflows read by name come with their offloaded nodes. */
  public ResourceStore store() {
    return apiStore;
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
    sensors.close();
    cluster.close();
    eventSources.close();
    crons.close();
    commands.close();
    controller.close();
    executor.close();
  }
}
