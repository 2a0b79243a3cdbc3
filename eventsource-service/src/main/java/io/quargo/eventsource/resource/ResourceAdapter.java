package io.quargo.eventsource.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quargo.core.Json;
import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.kube.ClusterAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * One {@code spec.resource} entry: an informer on group/version/resource (label selector applied by the
 * apiserver), each add, update and delete that passes the filter handed to a {@link ResourcePublisher}. The
 * informer's first list reports every existing object as ADD, as Argo's does ({@code filter.afterStart} drops
 * those). The event id derives from uid and resourceVersion (and whether it is a delete), so a relist, or a new
 * replica that lists again after a handover, does not put an object state on the bus twice: its ADD of a state an
 * UPDATE already reported is dropped by JetStream's deduplication (within the EVENTS stream's duplicate window).
 */
public final class ResourceAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(ResourceAdapter.class);

  private final ResourceSource source;
  private final ClusterAccess cluster;
  private final Clock clock;
  private SharedIndexInformer<GenericKubernetesResource> informer;
  private ResourcePublisher publisher;
  private Instant started;

  public ResourceAdapter(ResourceSource source, ClusterAccess cluster) {
    this(source, cluster, Clock.systemUTC());
  }

  ResourceAdapter(ResourceSource source, ClusterAccess cluster, Clock clock) {
    this.source = source;
    this.cluster = cluster;
    this.clock = clock;
  }

  public ResourceSource source() {
    return source;
  }

  @Override
  public synchronized void start(EventSink sink) {
    KubernetesClient client;
    try {
      client = cluster.client();
    } catch (RuntimeException e) {
      throw new IllegalStateException(where() + ": " + e.getMessage(), e);
    }
    started = clock.instant();
    publisher = new ResourcePublisher(sink, where());
    try {
      informer = scope(client).inform(new Handler(client, publisher), 0);
      LOG.debugf("%s: watching %s (%s)", where(), source.resource(), source.apiVersion());
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException(where() + ": cannot watch " + source.resource() + " (" + source.apiVersion()
          + ") at " + client.getMasterUrl() + ": " + e.getMessage(), e);
    }
  }

  private FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList,
      io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> scope(KubernetesClient client) {
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(source.group())
        .withVersion(source.version()).withPlural(source.resource()).withNamespaced(true).build();
    var resources = client.genericKubernetesResources(context);
    var scoped = source.watchNamespace() == null ? resources.inAnyNamespace()
        : resources.inNamespace(source.watchNamespace());
    return source.labelSelector() == null ? scoped : scoped.withLabelSelector(source.labelSelector());
  }

  /** Turns the informer's callbacks into events; runs on the informer's own thread, one callback at a time. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    private final KubernetesClient client;
    private final ResourcePublisher publisher;

    Handler(KubernetesClient client, ResourcePublisher publisher) {
      this.client = client;
      this.publisher = publisher;
    }

    @Override
    public void onAdd(GenericKubernetesResource obj) {
      handle(ResourceEventType.ADD, obj, null);
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      // a resync or relist reports unchanged objects again: as Argo, only a new resourceVersion is a change
      if (!Objects.equals(oldObj.getMetadata().getResourceVersion(), newObj.getMetadata().getResourceVersion())) {
        handle(ResourceEventType.UPDATE, newObj, oldObj);
      }
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      handle(ResourceEventType.DELETE, obj, null);
    }

    private void handle(ResourceEventType type, GenericKubernetesResource obj, GenericKubernetesResource old) {
      if (!source.eventTypes().contains(type)) {
        return;
      }
      JsonNode body = json(obj);
      if (!source.filter().accepts(body, type, started, clock.instant())) {
        return;
      }
      String uid = Objects.toString(obj.getMetadata().getUid(), obj.getMetadata().getNamespace() + "/"
          + obj.getMetadata().getName());
      // one object state (uid, resourceVersion) is one change whether an update or a relist's ADD reports it
      String change = type == ResourceEventType.DELETE ? "DELETE" : "STATE";
      String id = StableIds.of("resource", source.namespace(), source.eventSource(), source.eventName(), uid,
          Objects.toString(obj.getMetadata().getResourceVersion(), ""), change);
      publisher.submit(new SourceEvent(source.eventName(), "resource", id, null,
          ResourcePayload.of(source, type, body, old == null ? null : json(old))));
    }

    private JsonNode json(GenericKubernetesResource obj) {
      return Json.parse(client.getKubernetesSerialization().asJson(obj).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " resource." + source.eventName();
  }

  @Override
  public synchronized void close() {
    if (informer != null) {
      informer.close();
      informer = null;
    }
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
  }

  @Override
  public String toString() {
    return "resource." + source.eventName();
  }
}
