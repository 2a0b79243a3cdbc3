package io.quargo.eventbus.resource;

import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceWatcher;
import io.quargo.core.resource.WatchEvent;
import io.quargo.core.resource.WatchEvent.Type;
import io.quargo.eventbus.BusConnection;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A watch over a KV stream with an ordered consumer starting right after a revision: every later
 * change once, in order, across reconnects (the ordered consumer re-creates itself from the last
 * sequence it delivered).
 */
final class KvResourceWatch implements ResourceStore.Watch {
  private static final Logger LOG = Logger.getLogger(KvResourceWatch.class);

  private final BusConnection bus;
  private final Map<String, Long> alreadySent;
  private final ResourceWatcher watcher;
  private Dispatcher dispatcher;
  private JetStreamSubscription subscription;

  private KvResourceWatch(BusConnection bus, Map<String, Long> alreadySent, ResourceWatcher watcher) {
    this.bus = bus;
    this.alreadySent = alreadySent;
    this.watcher = watcher;
  }

  /**
   * @param alreadySent revisions the caller already reported per key (from an initial list), so the
   *     overlap between list and watch is not sent twice
   */
  static KvResourceWatch start(BusConnection bus, String stream, String filter, long startAfter,
      Map<String, Long> alreadySent, ResourceWatcher watcher) {
    KvResourceWatch watch = new KvResourceWatch(bus, alreadySent, watcher);
    watch.dispatcher = bus.nats().createDispatcher();
    PushSubscribeOptions options = PushSubscribeOptions.builder()
        .stream(stream)
        .ordered(true)
        .configuration(ConsumerConfiguration.builder()
            .deliverPolicy(DeliverPolicy.ByStartSequence)
            .startSequence(startAfter + 1)
            .build())
        .build();
    try {
      watch.subscription = bus.jetStream().subscribe(filter, watch.dispatcher, watch::onMessage, false, options);
    } catch (IOException | JetStreamApiException e) {
      bus.nats().closeDispatcher(watch.dispatcher);
      throw NatsResourceStore.unavailable("cannot watch " + filter, e);
    }
    return watch;
  }

  private void onMessage(Message message) {
    long revision = message.metaData().streamSequence();
    String key = keyOf(message.getSubject());
    Long sent = alreadySent.remove(key);
    if (sent != null && sent >= revision) {
      return;
    }
    try {
      watcher.onEvent(new WatchEvent(typeOf(message.getHeaders()), resourceOf(message, revision)));
    } catch (RuntimeException e) {
      LOG.warnf("watcher failed on %s at revision %d: %s", key, revision, e.toString());
    }
  }

  private static Type typeOf(Headers headers) {
    String type = headers == null ? null : headers.getFirst(ResourceWriter.EVENT_HEADER);
    if (type != null) {
      return Type.valueOf(type);
    }
    String op = headers == null ? null : headers.getFirst(ResourceWriter.KV_OPERATION);
    // written by a plain KV client: no way to tell a create from an update
    return op == null ? Type.MODIFIED : Type.DELETED;
  }

  private static Resource resourceOf(Message message, long revision) {
    byte[] data = message.getData();
    if (data == null || data.length == 0) {
      // a delete marker from a plain KV client has no body; name what we can
      String key = keyOf(message.getSubject());
      int dot = key.indexOf('.');
      return Resource.fromJson(("{\"metadata\":{\"namespace\":\"" + key.substring(0, dot)
          + "\",\"name\":\"" + key.substring(dot + 1) + "\"}}").getBytes())
          .withResourceVersion(Long.toString(revision));
    }
    return Resource.fromJson(data).withResourceVersion(Long.toString(revision));
  }

  /** {@code $KV.<bucket>.<ns>.<name>} -> {@code <ns>.<name>}. */
  private static String keyOf(String subject) {
    int bucketEnd = subject.indexOf('.', 4);
    return subject.substring(bucketEnd + 1);
  }

  @Override
  public void close() {
    try {
      if (subscription != null && subscription.isActive()) {
        dispatcher.unsubscribe(subscription);
      }
    } catch (RuntimeException e) {
      LOG.debugf("unsubscribe on close failed: %s", e.toString());
    }
    bus.nats().closeDispatcher(dispatcher);
  }
}
