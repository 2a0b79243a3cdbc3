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
import io.quargo.eventbus.ReconnectResumer;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A watch over a KV stream with an ordered consumer starting right after a revision: every later
 * change once, in order. After a reconnect it resubscribes from the last revision delivered (see
 * {@link ReconnectResumer}); overlapping subscriptions are harmless since revisions at or below the
 * last one delivered are dropped.
 */
final class KvResourceWatch implements ResourceStore.Watch {
  private static final Logger LOG = Logger.getLogger(KvResourceWatch.class);

  private final BusConnection bus;
  private final String stream;
  private final String filter;
  private final Map<String, Long> alreadySent;
  private final ResourceWatcher watcher;
  private final Dispatcher dispatcher;
  private final Object lock = new Object();
  private long lastRevision;
  private boolean closed;
  private JetStreamSubscription subscription;
  private ReconnectResumer resumer;

  private KvResourceWatch(BusConnection bus, String stream, String filter, long startAfter,
      Map<String, Long> alreadySent, ResourceWatcher watcher) {
    this.bus = bus;
    this.stream = stream;
    this.filter = filter;
    this.lastRevision = startAfter;
    this.alreadySent = alreadySent;
    this.watcher = watcher;
    this.dispatcher = bus.nats().createDispatcher();
  }

  /**
   * @param alreadySent revisions the caller already reported per key (from an initial list), so the
   *     overlap between list and watch is not sent twice
   */
  static KvResourceWatch start(BusConnection bus, String stream, String filter, long startAfter,
      Map<String, Long> alreadySent, ResourceWatcher watcher) {
    KvResourceWatch watch = new KvResourceWatch(bus, stream, filter, startAfter, alreadySent, watcher);
    try {
      watch.subscription = watch.subscribeAfter(startAfter);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      bus.nats().closeDispatcher(watch.dispatcher);
      throw NatsResourceStore.unavailable("cannot watch " + filter, e);
    }
    watch.resumer = ReconnectResumer.register(bus.nats(), "watch " + filter, watch::resume, watch::isClosed);
    return watch;
  }

  private JetStreamSubscription subscribeAfter(long revision) throws IOException, JetStreamApiException {
    PushSubscribeOptions options = PushSubscribeOptions.builder()
        .stream(stream)
        .ordered(true)
        .configuration(ConsumerConfiguration.builder()
            .deliverPolicy(DeliverPolicy.ByStartSequence)
            .startSequence(revision + 1)
            .build())
        .build();
    return bus.jetStream().subscribe(filter, dispatcher, this::onMessage, false, options);
  }

  private boolean resume() throws IOException, JetStreamApiException {
    long from;
    synchronized (lock) {
      if (closed) {
        return false;
      }
      from = lastRevision;
    }
    JetStreamSubscription next = subscribeAfter(from);
    JetStreamSubscription old;
    synchronized (lock) {
      old = closed ? next : subscription;
      if (!closed) {
        subscription = next;
      }
    }
    unsubscribe(old);
    return true;
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private void onMessage(Message message) {
    long revision = message.metaData().streamSequence();
    String key = keyOf(message.getSubject());
    synchronized (lock) {
      if (closed || revision <= lastRevision) {
        return;
      }
      lastRevision = revision;
      // the initial list already held this key at revision `sent`: drop what led up to it
      Long sent = alreadySent.get(key);
      if (sent != null && revision <= sent) {
        return;
      }
      alreadySent.remove(key);
      try {
        watcher.onEvent(new WatchEvent(typeOf(message.getHeaders()), resourceOf(message, revision)));
      } catch (RuntimeException e) {
        LOG.warnf("watcher failed on %s at revision %d: %s", key, revision, e.toString());
      }
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
    JetStreamSubscription current;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      current = subscription;
    }
    resumer.close();
    unsubscribe(current);
    bus.nats().closeDispatcher(dispatcher);
  }

  private void unsubscribe(JetStreamSubscription sub) {
    try {
      if (sub != null && sub.isActive()) {
        dispatcher.unsubscribe(sub);
      }
    } catch (RuntimeException e) {
      LOG.debugf("unsubscribing a watch failed: %s", e.toString());
    }
  }
}
