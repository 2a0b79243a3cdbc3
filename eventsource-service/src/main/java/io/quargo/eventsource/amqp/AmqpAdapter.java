package io.quargo.eventsource.amqp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.impl.DefaultExceptionHandler;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsFailure;
import io.quargo.eventsource.tls.TlsSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.jboss.logging.Logger;

/**
 * Consumes one {@code spec.amqp} entry: declares the exchange, the queue and the binding as configured, consumes
 * with manual acknowledgement and acks each delivery only once the sink's publish completed. A failed publish
 * is nacked with requeue after a pause (so a down bus does not spin the broker); a body that is not JSON under
 * {@code jsonBody} is rejected without requeue (dead-lettered when the queue has a dead-letter exchange).
 */
public final class AmqpAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(AmqpAdapter.class);
  /** Unacknowledged deliveries the broker sends ahead; bounds memory while the bus is slow. */
  static final int PREFETCH = 64;
  static final Duration REQUEUE_PAUSE = Duration.ofMillis(500);

  private final AmqpSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService requeues = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "amqp-requeue");
    t.setDaemon(true);
    return t;
  });
  private volatile Connection connection;
  private volatile Channel channel;

  public AmqpAdapter(AmqpSource source) {
    this.source = source;
  }

  public AmqpSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) throws Exception {
    if (source.consume().autoAck()) {
      LOG.debugf("%s: consume.autoAck is ignored: a delivery is acked once the bus stored its event", where());
    }
    connection = connect();
    try {
      channel = connection.createChannel();
      channel.basicQos(PREFETCH);
      String queue = declare(channel);
      AmqpSource.Consume consume = source.consume();
      channel.basicConsume(queue, false, consume.consumerTag(), consume.noLocal(), consume.exclusive(), null,
          new Deliveries(channel, sink));
    } catch (IOException | RuntimeException e) {
      close();
      throw new IllegalStateException(where() + ": cannot set up consuming: " + rootMessage(e), e);
    }
  }

  private Connection connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(source.url());
    if (source.username() != null) {
      factory.setUsername(source.username());
      factory.setPassword(source.password());
    }
    factory.setRequestedHeartbeat(10);
    factory.setAutomaticRecoveryEnabled(true);
    factory.setExceptionHandler(new DefaultExceptionHandler() {
      @Override
      public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
        // e.g. a TLS alert after the handshake: start() or the recovery reports it; one line, not a stack trace
        LOG.warnf("%s: connection to %s failed: %s", where(), source.address(), rootMessage(exception));
      }
    });
    if (source.useTls()) {
      useTls(factory);
    }
    ConnectionBackoff backoff = source.connectionBackoff();
    for (int attempt = 0; ; attempt++) {
      try {
        return factory.newConnection("quargo-" + source.eventSource() + "-" + source.eventName());
      } catch (IOException | java.util.concurrent.TimeoutException e) {
        String tlsProblem = source.useTls() ? TlsFailure.explain(e, source.tls(), source.address()) : null;
        if (tlsProblem != null) {
          throw new IllegalStateException(where() + ": " + tlsProblem, e); // a retry gets the same certificate
        }
        if (attempt + 1 >= backoff.steps() || closed.get()) {
          throw new IllegalStateException(where() + ": cannot connect to " + source.address() + " after "
              + (attempt + 1) + " attempts: " + (source.useTls() ? TlsFailure.describe(e, source.tls(),
              source.address()) : rootMessage(e)), e);
        }
        Thread.sleep(backoff.delay(attempt).toMillis());
      }
    }
  }

  /**
   * Replaces what {@code setUri("amqps://...")} set up (a context that trusts every server) with the spec's
   * trust: {@code tls}, else the JVM's default CAs; the host name is checked unless {@code insecureSkipVerify}.
   * Without a port in the URL the client then uses 5671.
   */
  private void useTls(ConnectionFactory factory) throws java.security.NoSuchAlgorithmException {
    TlsSpec tls = source.tls();
    factory.useSslProtocol(tls == null ? SSLContext.getDefault() : PemSslContext.create(tls));
    if (tls == null || !tls.insecureSkipVerify()) {
      factory.enableHostnameVerification();
    }
  }

  /** Argo's order: exchange, queue (server-named when no name), binding; returns the queue's name. */
  private String declare(Channel ch) throws IOException {
    AmqpSource.ExchangeDeclare x = source.exchangeDeclare();
    if (x.noWait()) {
      ch.exchangeDeclareNoWait(source.exchangeName(), source.exchangeType(), x.durable(), x.autoDelete(), x.internal(), null);
    } else {
      ch.exchangeDeclare(source.exchangeName(), source.exchangeType(), x.durable(), x.autoDelete(), x.internal(), null);
    }
    AmqpSource.QueueDeclare q = source.queueDeclare();
    String queue = q.name();
    if (q.noWait()) {
      ch.queueDeclareNoWait(queue, q.durable(), q.exclusive(), q.autoDelete(), new HashMap<>(q.arguments()));
    } else {
      queue = ch.queueDeclare(queue, q.durable(), q.exclusive(), q.autoDelete(), new HashMap<>(q.arguments())).getQueue();
    }
    if (source.queueBindNoWait()) {
      ch.queueBindNoWait(queue, source.exchangeName(), source.routingKey(), null);
    } else {
      ch.queueBind(queue, source.exchangeName(), source.routingKey());
    }
    return queue;
  }

  /** Hands each delivery to the sink and settles it with the broker when the sink's future completes. */
  private final class Deliveries extends DefaultConsumer {
    private final EventSink sink;

    Deliveries(Channel channel, EventSink sink) {
      super(channel);
      this.sink = sink;
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
      long deliveryTag = envelope.getDeliveryTag();
      ObjectNode data;
      try {
        data = AmqpPayload.data(envelope, props, body, source.jsonBody(), source.metadata());
      } catch (IllegalArgumentException e) {
        LOG.errorf("%s: message %s rejected (not requeued): body is not JSON but jsonBody is set: %s", where(),
            props.getMessageId() == null ? "#" + deliveryTag : props.getMessageId(), e.getMessage());
        settle(() -> getChannel().basicReject(deliveryTag, false));
        return;
      }
      SourceEvent event = new SourceEvent(source.eventName(), "amqp", id(props), null, data);
      sink.publish(event).whenComplete((ok, error) -> {
        if (error == null) {
          settle(() -> getChannel().basicAck(deliveryTag, false));
        } else if (!closed.get()) {
          LOG.warnf("%s: publish failed, message requeued: %s", where(), rootMessage(error));
          requeues.schedule(() -> settle(() -> getChannel().basicNack(deliveryTag, false, true)),
              REQUEUE_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        }
        // closed: the broker requeues every unacknowledged delivery when the channel closes
      });
    }
  }

  /** The AMQP message id is the sender's, stable across redeliveries; without one there is no stable id. */
  private String id(AMQP.BasicProperties props) {
    String messageId = props.getMessageId();
    if (messageId == null || messageId.isBlank()) {
      return null;
    }
    return StableIds.of("amqp", source.namespace(), source.eventSource(), source.eventName(), messageId);
  }

  private void settle(IoAction action) {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      // the channel is gone: the broker redelivers what was not acknowledged
      LOG.debugf("%s: ack/nack not sent, the broker will redeliver: %s", where(), rootMessage(e));
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " amqp." + source.eventName();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    requeues.shutdownNow();
    Connection c = connection;
    if (c != null) {
      try {
        c.close(5_000);
      } catch (IOException | RuntimeException e) {
        LOG.debugf("%s: close: %s", where(), rootMessage(e));
      }
    }
  }

  /** The entry, as the EventSource's status names it. */
  @Override
  public String toString() {
    return "amqp." + source.eventName();
  }
}
