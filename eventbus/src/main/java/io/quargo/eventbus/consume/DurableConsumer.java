package io.quargo.eventbus.consume;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Pulls from an existing durable pull consumer and runs a {@link DeliveryHandler} on each message, at most
 * {@link ConsumerOptions#concurrency()} at a time. It holds at most {@value #PULL_AHEAD} times as many messages
 * as it has handlers: the next ones are already here when a handler frees up, so a pull's round trip overlaps
 * the handling. A held message gets in-progress heartbeats from the moment it arrives, waiting or handled, so its
 * ack wait never runs out while this consumer lives. Keeps pulling across disconnects and server restarts;
 * stops when the connection is closed for good.
 *
 * <pre>{@code
 * try (DurableConsumer c = DurableConsumer.start(bus, "EVENTS", "sensor-a", d -> {
 *   fireTrigger(d.data());   // the effect, recorded before we return
 *   return Outcome.ack();
 * })) { ... }
 * }</pre>
 */
public final class DurableConsumer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DurableConsumer.class);
  private static final Duration RETRY_MIN = Duration.ofMillis(250);
  private static final Duration RETRY_MAX = Duration.ofSeconds(5);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
  /** Messages held per handler: one being handled, one waiting. */
  static final int PULL_AHEAD = 2;

  private final BusConnection bus;
  private final JetStreamSubscription subscription;
  private final ConsumerSettings settings;
  private final ConsumerOptions options;
  private final int room;
  private final Semaphore free;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Heartbeats heartbeats;
  private final AckConfirmations acks = new AckConfirmations(ACK_TIMEOUT);
  private final DeliveryRunner runner;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean closed = new AtomicBoolean(false);
  private final Thread puller;

  private DurableConsumer(BusConnection bus, JetStreamSubscription subscription,
      ConsumerSettings settings, DeliveryHandler handler, ConsumerOptions options) {
    this.bus = bus;
    this.subscription = subscription;
    this.settings = settings;
    this.options = options;
    String name = settings.stream() + "/" + settings.durable();
    this.room = options.concurrency() * PULL_AHEAD;
    this.free = new Semaphore(room);
    // the queue holds the messages waiting for a handler: at most room - concurrency, bounded by the semaphore
    this.workers = Executors.newFixedThreadPool(options.concurrency(), threads("quargo-handle-" + name));
    this.scheduler = new ScheduledThreadPoolExecutor(1, threads("quargo-heartbeat-" + name));
    this.heartbeats = new Heartbeats(scheduler, settings.heartbeatPeriod());
    this.runner = new DeliveryRunner(settings, options, handler, heartbeats, acks, () -> !running.get());
    this.puller = threads("quargo-pull-" + name).newThread(this::pullLoop);
  }

  public static DurableConsumer start(BusConnection bus, String stream, String durable, DeliveryHandler handler) {
    return start(bus, stream, durable, handler, ConsumerOptions.defaults());
  }

  /** Looks the consumer up (failing if it does not exist or is not a pull consumer) and starts pulling. */
  public static DurableConsumer start(BusConnection bus, String stream, String durable, DeliveryHandler handler,
      ConsumerOptions options) {
    ConsumerContext context;
    try {
      context = bus.jetStream().getStreamContext(stream).getConsumerContext(durable);
    } catch (JetStreamApiException e) {
      throw new BusException("cannot consume durable consumer '" + durable + "' on stream '" + stream + "': "
          + e.getMessage() + ". The stream and the consumer are created by the eventbus topology;"
          + " check both names and that the topology ran", e);
    } catch (IOException e) {
      throw new BusException("cannot look up durable consumer '" + durable + "' on stream '" + stream
          + "' at " + bus.config().urls() + ": " + e.getMessage(), e);
    }
    ConsumerSettings settings = ConsumerSettings.from(context.getCachedConsumerInfo());
    JetStreamSubscription subscription;
    try {
      subscription = bus.jetStream().subscribe(null, PullSubscribeOptions.bind(stream, durable));
    } catch (IOException | JetStreamApiException e) {
      throw new BusException("cannot bind to durable consumer '" + durable + "' on stream '" + stream + "': "
          + e.getMessage(), e);
    }
    DurableConsumer consumer = new DurableConsumer(bus, subscription, settings, handler, options);
    consumer.puller.start();
    LOG.infof("consuming %s/%s (ack wait %s, max deliver %s, %d handler(s))", stream, durable,
        settings.ackWait(), settings.maxDeliverText(), options.concurrency());
    return consumer;
  }

  public String stream() {
    return settings.stream();
  }

  public String durable() {
    return settings.durable();
  }

  /** The consumer's ack wait on the server; heartbeats go every third of it. */
  public Duration ackWait() {
    return settings.ackWait();
  }

  /** The consumer's max deliveries on the server; 0 or less means unlimited. */
  public long maxDeliver() {
    return settings.maxDeliver();
  }

  /** True until {@link #close()} or until the connection was closed for good. */
  public boolean isRunning() {
    return running.get() && puller.isAlive();
  }

  private void pullLoop() {
    int failures = 0;
    while (running.get()) {
      // pull when half the room is free (at once when idle): fewer, larger pulls, sent before the held run out
      int threshold = Math.max(1, room / 2);
      try {
        free.acquire(threshold);
      } catch (InterruptedException e) {
        break;
      }
      Pull pull = new Pull(threshold + free.drainPermits());
      try {
        pull.run();
        if (failures > 0) {
          LOG.infof("pulling %s/%s again", stream(), durable());
        }
        failures = 0;
      } catch (RuntimeException e) {
        if (!running.get() || Thread.currentThread().isInterrupted()) {
          break;
        }
        if (bus.nats().getStatus() == Connection.Status.CLOSED) {
          LOG.warnf("bus connection closed; %s/%s stops pulling, unacked messages will be redelivered",
              stream(), durable());
          break;
        }
        failures++;
        logPullFailure(failures, e);
        if (!sleep(retryDelay(failures))) {
          break;
        }
      } finally {
        free.release(pull.unused());
      }
    }
    running.set(false);
  }

  /** One pull request for as many messages as there is room for; queues each for a handler. */
  private final class Pull {
    private final int wanted;
    private int dispatched;

    Pull(int wanted) {
      this.wanted = wanted;
    }

    void run() {
      // one long-lived pull subscription: a fetch per pull would subscribe and unsubscribe each time
      Iterator<Message> messages = subscription.iterate(wanted, options.pullWait());
      while (running.get() && messages.hasNext()) {
        dispatch(messages.next());
      }
    }

    private void dispatch(Message message) {
      dispatched++;
      heartbeats.hold(message);
      workers.execute(() -> {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
          if (released.compareAndSet(false, true)) {
            free.release();
          }
        };
        try {
          runner.run(message, release);
        } finally {
          release.run(); // if the runner failed before its handler ran
        }
      });
    }

    int unused() {
      return wanted - dispatched;
    }
  }

  private void logPullFailure(int failures, Exception e) {
    String text = "pull from %s/%s failed (%s); retrying with backoff until it works";
    if (failures == 1) {
      LOG.warnf(text, stream(), durable(), e.toString());
    } else {
      LOG.debugf(text, stream(), durable(), e.toString());
    }
  }

  static Duration retryDelay(int failures) {
    long millis = RETRY_MIN.toMillis() << Math.min(failures - 1, 10);
    return Duration.ofMillis(Math.min(millis, RETRY_MAX.toMillis()));
  }

  private static boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /**
   * Stops pulling, lets running and waiting handlers finish and settle (up to the shutdown grace), waits for
   * their acks to be confirmed, then stops the heartbeats. Messages pulled but not handled are left unacked, so
   * the server redelivers them after the ack wait. Does not close the bus connection. Do not call from inside a
   * handler.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running.set(false);
    puller.interrupt();
    try {
      puller.join(options.pullWait().plusSeconds(5).toMillis());
      workers.shutdown();
      if (!workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("handlers of %s/%s still running after %s; interrupting them, their messages will be"
            + " redelivered", stream(), durable(), options.shutdownGrace());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    } finally {
      acks.awaitAll();
      scheduler.shutdownNow();
      unsubscribe();
    }
    LOG.infof("stopped consuming %s/%s", stream(), durable());
  }

  private void unsubscribe() {
    try {
      subscription.unsubscribe();
    } catch (RuntimeException e) {
      LOG.debugf("unsubscribing from %s/%s failed: %s", stream(), durable(), e.toString());
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
