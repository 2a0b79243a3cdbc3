package io.quargo.eventsource.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.lease.Lease;
import io.quargo.eventbus.lease.LeaseKeeper;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventsource.spi.BusEventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceMetrics;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookServers;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The eventsource-service's controller: watches EventSource resources and runs what each asks for. A change
 * re-plans that EventSource (new adapters started after the old ones stopped: upstream redelivery covers the
 * gap); webhook routes of all EventSources share one server per port, restarted when the routes change.
 *
 * <p>Replicas: webhook routes are served by every replica (a load balancer spreads the requests); every other
 * source of an EventSource runs only on the replica holding the EventSource's lease ({@link LeaseSettings}), and
 * stops when the lease is lost. The holder writes the status; a replica on standby for an EventSource leaves its
 * status alone. Status per EventSource: each configured event and whether it runs, or why not.
 *
 * <p>Secrets are read when an EventSource is planned. A Secret written to the store re-plans the EventSources of its
 * namespace that name it (and those whose last plan failed), so a rotated webhook token or broker password takes
 * effect without re-applying the EventSource.
 */
public final class EventSourceManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventSourceManager.class);

  private final BusConnection bus;
  private final ResourceStore store;
  private final Vertx vertx;
  private final String webhookHost;
  private final SecretResolver secrets;
  private final Publisher publisher;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "eventsource-manager");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, LeasedAdapters> adapters = new HashMap<>();
  private final Map<String, Resource> applied = new HashMap<>();
  /** EventSources whose last plan failed (a secret may not exist yet): a Secret change retries them. */
  private final Map<String, Resource> failed = new HashMap<>();
  private final Map<String, SourcePlan> plans = new HashMap<>();
  private final Map<String, List<WebhookRoute>> routes = new HashMap<>();
  private SourceMetrics metrics = SourceMetrics.inMemory();
  private LeaseSettings leaseSettings = LeaseSettings.defaults();
  private ClusterAccess cluster = ClusterAccess.fromEnvironment();
  private LeaseKeeper keeper;
  private WebhookServers servers;
  private Map<Integer, String> webhookFailures = Map.of();
  private ResourceStore.Watch watch;
  private ResourceStore.Watch secretWatch;

  public EventSourceManager(BusConnection bus, ResourceStore store, Vertx vertx, String webhookHost,
      SecretResolver secrets) {
    this.bus = bus;
    this.store = store;
    this.vertx = vertx;
    this.webhookHost = webhookHost;
    this.secrets = secrets;
    this.publisher = new Publisher(bus);
  }

  /** Where the event counters and publish timers go (default: a private in-memory registry). Before start. */
  public EventSourceManager withMeterRegistry(MeterRegistry registry) {
    this.metrics = new SourceMetrics(registry);
    return this;
  }

  /** The lease bucket, ttl and this replica's holder id. Before start. */
  public EventSourceManager withLeases(LeaseSettings settings) {
    this.leaseSettings = settings;
    return this;
  }

  /** The apiserver the resource sources watch (default: the kubeconfig or in-cluster account, if any). */
  public EventSourceManager withCluster(ClusterAccess access) {
    this.cluster = access;
    return this;
  }

  public EventSourceManager start() {
    new Topology(bus).ensureKv(KvSpec.of(leaseSettings.bucket())
        .withDescription("eventsource-service: which replica runs the non-HTTP sources of each EventSource"));
    keeper = new LeaseKeeper(KvBucket.open(bus, leaseSettings.bucket()), leaseSettings.holderId());
    ResourceList list = store.list(ArgoKinds.EVENT_SOURCE, null);
    loop.submit(() -> list.items().forEach(this::apply));
    watch = store.watch(ArgoKinds.EVENT_SOURCE, null, list.resourceVersion(), e -> post(() -> {
      if (e.type() == WatchEvent.Type.DELETED) {
        remove(key(e.resource()));
        restartWebhooks();
      } else if (e.resource().generation() != e.resource().status().path("observedGeneration").asLong(-1)) {
        apply(e.resource());
      }
    }));
    secretWatch = watchSecrets();
    long retry = leaseSettings.retryEvery().toMillis();
    loop.scheduleWithFixedDelay(this::contend, retry, retry, TimeUnit.MILLISECONDS);
    return this;
  }

  private void apply(Resource es) {
    String key = key(es);
    SourcePlan plan;
    try {
      plan = SourcePlan.of(es, bus, secrets, cluster);
      // refused whole when its webhooks clash with another EventSource's: nothing of it is applied
      List<WebhookRoute> all = new ArrayList<>();
      routes.forEach((other, otherRoutes) -> {
        if (!other.equals(key)) {
          all.addAll(otherRoutes);
        }
      });
      all.addAll(plan.routes()); // last, so a clash is reported on this EventSource's route
      WebhookServers.validate(all);
    } catch (RuntimeException e) {
      failed.put(key, es);
      ObjectNode status = Json.object().put("phase", "Error").put("message", e.getMessage());
      writeStatus(es, status);
      LOG.warnf("EventSource %s not applied: %s", key, e.getMessage());
      return;
    }
    failed.remove(key);
    LeasedAdapters old = adapters.remove(key);
    Lease kept = old == null ? null : old.detach();
    routes.put(key, plan.routes());
    applied.put(key, es);
    plans.put(key, plan);
    if (!plan.adapters().isEmpty()) {
      BusEventSink sink = new BusEventSink(publisher, es.namespace(), es.name(), plan.filters(), metrics);
      // the parsed adapters serve the first start; a start after a lost lease needs fresh ones (not restartable)
      List<EventSourceAdapter> first = plan.adapters();
      boolean[] used = {false};
      adapters.put(key, new LeasedAdapters(es.namespace() + "/" + es.name(), keeper, leaseSettings.ttl(), () -> {
        if (!used[0]) {
          used[0] = true;
          return first;
        }
        return SourcePlan.of(es, bus, secrets, cluster).adapters();
      }, sink, () -> post(() -> leaseLost(key))).adopting(kept));
    } else if (kept != null) {
      kept.release();
    }
    restartWebhooks();
    startLeased(key);
  }

  /** Secret changes from the store; a store without Secrets (none applied yet, or none kept) just has none. */
  private ResourceStore.Watch watchSecrets() {
    try {
      String from = store.list(ArgoKinds.SECRET, null).resourceVersion();
      return store.watch(ArgoKinds.SECRET, null, from, e -> post(() -> secretChanged(e.resource())));
    } catch (RuntimeException e) {
      LOG.warnf("Secrets are not watched (%s): a changed Secret takes effect when its EventSource is re-applied",
          e.getMessage());
      return null;
    }
  }

  private void secretChanged(Resource secret) {
    List<Resource> affected = new ArrayList<>();
    applied.values().stream().filter(es -> SecretRefs.names(es, secret)).forEach(affected::add);
    failed.values().stream().filter(es -> secret.namespace().equals(es.namespace())).forEach(affected::add);
    for (Resource es : affected) {
      LOG.infof("EventSource %s: secret %s changed; planning it again", key(es), secret.name());
      apply(es);
    }
  }

  /** Starts the leased adapters if this replica gets the lease; writes status unless another replica holds it. */
  private void startLeased(String key) {
    SourcePlan plan = plans.get(key);
    LeasedAdapters group = adapters.get(key);
    Optional<List<String>> errors = group == null ? Optional.of(List.of()) : group.tryStart();
    if (errors.isEmpty()) {
      LOG.debugf("EventSource %s: lease '%s' is held by another replica; standing by", key, group.leaseName());
      return;
    }
    ObjectNode status = Json.object();
    ObjectNode sources = status.putObject("sources");
    List<String> problems = new ArrayList<>(errors.get());
    errors.get().forEach(e -> LOG.warnf("EventSource %s: did not start %s", key, e));
    for (WebhookRoute r : plan.routes()) {
      String failure = webhookFailures.get(r.port());
      ObjectNode source = sources.putObject(r.eventName()).put("type", r.receiver().type()).put("running", failure == null);
      if (failure != null) {
        source.put("message", failure);
        problems.add(r.where("port") + ": " + failure);
      }
    }
    if (!problems.isEmpty()) {
      status.put("message", String.join("; ", problems));
    }
    plan.unsupported().forEach(t -> sources.putObject(t).put("running", false)
        .put("message", "event source type '" + t + "' is not supported in standalone mode yet"));
    status.put("phase", status.has("message") || !plan.unsupported().isEmpty() ? "Degraded" : "Running");
    status.put("adapters", group == null ? 0 : group.runningCount()).put("webhooks", plan.routes().size());
    if (group != null) {
      status.put("leaseHolder", leaseSettings.holderId());
    }
    writeStatus(applied.get(key), status);
  }

  /** Every ttl/3: EventSources whose lease another replica held get another try (it may have died). */
  private void contend() {
    for (String key : List.copyOf(adapters.keySet())) {
      LeasedAdapters group = adapters.get(key);
      if (group != null && group.runningCount() == 0 && !group.holds()) {
        try {
          startLeased(key);
        } catch (RuntimeException e) {
          LOG.warnf("EventSource %s: taking over failed: %s", key, e.getMessage());
        }
      }
    }
  }

  private void leaseLost(String key) {
    LeasedAdapters group = adapters.get(key);
    if (group != null && !group.holds()) {
      LOG.warnf("EventSource %s: lease '%s' lost; its sources stopped on this replica", key, group.leaseName());
      group.lost();
    }
  }

  private void remove(String key) {
    LeasedAdapters old = adapters.remove(key);
    if (old != null) {
      old.close();
    }
    routes.remove(key);
    applied.remove(key);
    failed.remove(key);
    plans.remove(key);
  }

  /** Ports keep listening while their routes change: a sender never meets a closed port because of a re-plan. */
  private void restartWebhooks() {
    List<WebhookRoute> all = new ArrayList<>();
    routes.values().forEach(all::addAll);
    if (servers == null) {
      servers = WebhookServers.start(vertx, webhookHost, List.of(), publisher, metrics);
    }
    webhookFailures = servers.update(all);
    webhookFailures.forEach((port, why) -> LOG.errorf("webhook port %d not served: %s", port, why));
  }

  private void writeStatus(Resource es, ObjectNode status) {
    status.put("observedGeneration", es.generation());
    try {
      Resource current = store.get(ArgoKinds.EVENT_SOURCE, es.namespace(), es.name()).orElse(null);
      if (current != null) {
        store.updateStatus(current.withStatus(status));
      }
    } catch (ResourceStoreException e) {
      LOG.debugf("EventSource %s: status not written: %s", key(es), e.getMessage());
    }
  }

  /** How many adapters of {@code namespace/name} run on this replica now (0 on standby). */
  int runningAdapters(String namespace, String name) {
    try {
      return loop.submit(() -> {
        LeasedAdapters group = adapters.get(namespace + "/" + name);
        return group == null ? 0 : group.runningCount();
      }).get();
    } catch (Exception e) {
      throw new IllegalStateException("manager closed", e);
    }
  }

  private static String key(Resource r) {
    return r.namespace() + "/" + r.name();
  }

  /** Watch events after {@link #close} are dropped: nothing runs any more. */
  private void post(Runnable work) {
    try {
      loop.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("closed; a late watch event is dropped");
    }
  }

  /** Stops every source, then releases the leases so other replicas take over without waiting for expiry. */
  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    if (secretWatch != null) {
      secretWatch.close();
    }
    try {
      loop.submit(() -> {
        new ArrayList<>(adapters.keySet()).forEach(this::remove);
        if (servers != null) {
          servers.close();
        }
      }).get();
    } catch (Exception e) {
      LOG.debugf("closing the event sources: %s", e.getMessage());
    }
    loop.shutdownNow();
    if (keeper != null) {
      keeper.close();
    }
    cluster.close();
  }
}
