package io.quargo.eventsource.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.spi.BusEventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.webhook.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookServers;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The eventsource-service's controller: watches EventSource resources and runs what each asks for. A change
 * re-plans that EventSource (new adapters started after the old ones stopped: upstream redelivery covers the
 * gap); webhook routes of all EventSources share one server per port, restarted when the routes change.
 * Status per EventSource: each configured event and whether it runs, or why not.
 */
public final class EventSourceManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventSourceManager.class);

  private final BusConnection bus;
  private final ResourceStore store;
  private final Vertx vertx;
  private final String webhookHost;
  private final SecretResolver secrets;
  private final Publisher publisher;
  private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "eventsource-manager");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, List<EventSourceAdapter>> adapters = new HashMap<>();
  private final Map<String, List<WebhookRoute>> routes = new HashMap<>();
  private WebhookServers servers;
  private ResourceStore.Watch watch;

  public EventSourceManager(BusConnection bus, ResourceStore store, Vertx vertx, String webhookHost,
      SecretResolver secrets) {
    this.bus = bus;
    this.store = store;
    this.vertx = vertx;
    this.webhookHost = webhookHost;
    this.secrets = secrets;
    this.publisher = new Publisher(bus);
  }

  public EventSourceManager start() {
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
    return this;
  }

  private void apply(Resource es) {
    String key = key(es);
    ObjectNode status = Json.object();
    SourcePlan plan;
    try {
      plan = SourcePlan.of(es, bus, secrets);
    } catch (RuntimeException e) {
      status.put("phase", "Error").put("message", e.getMessage());
      writeStatus(es, status);
      LOG.warnf("EventSource %s not applied: %s", key, e.getMessage());
      return;
    }
    remove(key);
    routes.put(key, plan.routes());
    BusEventSink sink = new BusEventSink(publisher, es.namespace(), es.name(), plan.filters());
    List<EventSourceAdapter> started = new ArrayList<>();
    ObjectNode sources = status.putObject("sources");
    plan.routes().forEach(r -> sources.putObject(r.eventName()).put("type", r.receiver().type()).put("running", true));
    for (EventSourceAdapter adapter : plan.adapters()) {
      String name = adapter.toString();
      try {
        adapter.start(sink);
        started.add(adapter);
      } catch (Exception e) {
        adapter.close();
        status.put("message", name + ": " + e.getMessage());
        LOG.warnf("EventSource %s: %s did not start: %s", key, name, e.getMessage());
      }
    }
    adapters.put(key, started);
    plan.unsupported().forEach(t -> sources.putObject(t).put("running", false)
        .put("message", "event source type '" + t + "' is not supported in standalone mode yet"));
    status.put("phase", status.has("message") || !plan.unsupported().isEmpty() ? "Degraded" : "Running");
    status.put("adapters", started.size()).put("webhooks", plan.routes().size());
    restartWebhooks();
    writeStatus(es, status);
  }

  private void remove(String key) {
    List<EventSourceAdapter> old = adapters.remove(key);
    if (old != null) {
      old.forEach(EventSourceAdapter::close);
    }
    routes.remove(key);
  }

  private void restartWebhooks() {
    if (servers != null) {
      servers.close();
      servers = null;
    }
    List<WebhookRoute> all = new ArrayList<>();
    routes.values().forEach(all::addAll);
    if (!all.isEmpty()) {
      try {
        servers = WebhookServers.start(vertx, webhookHost, all, publisher);
      } catch (RuntimeException e) {
        LOG.errorf("webhook servers did not start: %s", e.getMessage());
      }
    }
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
  }
}
