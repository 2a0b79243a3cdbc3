package io.quargo.eventsource.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One {@code spec.nats} entry connected to its server: a core subscription ({@link CoreSubscriber}) or, with
 * {@code jetStream}, a durable pull consumer ({@link JetStreamConsumer}). Connecting is retried per
 * {@code connectionBackoff}; after that the client reconnects for ever.
 */
public final class NatsAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(NatsAdapter.class);

  private final NatsSpec spec;
  private final RetryPolicy retry;
  private Connection connection;
  private AutoCloseable consumer;
  private boolean closed;

  public NatsAdapter(NatsSpec spec) {
    this(spec, RetryPolicy.DEFAULT);
  }

  public NatsAdapter(NatsSpec spec, RetryPolicy retry) {
    this.spec = spec;
    this.retry = retry;
  }

  @Override
  public synchronized void start(EventSink sink) throws Exception {
    if (connection != null) {
      throw new IllegalStateException(spec.path() + ": already started");
    }
    connection = connect();
    try {
      consumer = spec.jetStream() == null ? CoreSubscriber.start(connection, spec, sink, retry)
          : JetStreamConsumer.start(connection, spec, sink, retry);
    } catch (IllegalStateException e) {
      connection.close();
      throw e; // already names the field and the fix
    } catch (Exception e) {
      connection.close();
      throw new IllegalStateException(spec.path() + ": cannot consume from " + spec.url() + ": " + e.getMessage()
          + (spec.jetStream() == null ? "" : "; check that JetStream is enabled on that server"), e);
    }
  }

  private Connection connect() throws InterruptedException {
    QuietErrors errors = new QuietErrors(spec.path());
    Options options = options(errors);
    ConnectionBackoff backoff = spec.backoff();
    for (int attempt = 1; ; attempt++) {
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        if (attempt >= backoff.steps()) {
          String tlsProblem = spec.tls() == null || errors.last() == null ? null
              : TlsFailure.explain(errors.last(), spec.tls(), spec.url());
          if (tlsProblem != null) {
            throw new IllegalStateException(spec.path() + ": " + tlsProblem, e);
          }
          throw new IllegalStateException(spec.path() + ": cannot connect to the nats server at " + spec.url()
              + " after " + attempt + " attempts: " + e.getMessage() + "; check spec url and that the server is up", e);
        }
        Duration wait = backoff.waitAfter(attempt);
        LOG.warnf("%s: connecting to %s failed (%s), retrying in %s", spec.path(), spec.url(), e.getMessage(), wait);
        Thread.sleep(wait.toMillis());
      }
    }
  }

  private Options options(QuietErrors errors) {
    Options.Builder b = Options.builder().servers(spec.url().split("\\s*,\\s*"))
        .connectionName("quargo-eventsource " + spec.namespace() + "/" + spec.eventSource() + "/" + spec.eventName())
        .maxReconnects(-1).reconnectWait(Duration.ofSeconds(1)).connectionTimeout(Duration.ofSeconds(5))
        .errorListener(errors);
    if (spec.tls() != null) {
      b.sslContext(PemSslContext.create(spec.tls()));
    }
    NatsAuth auth = spec.auth();
    if (auth.username() != null) {
      b.userInfo(auth.username(), auth.password());
    } else if (auth.token() != null) {
      b.token(auth.token().toCharArray());
    } else if (auth.nkeySeed() != null) {
      b.authHandler(Nats.staticCredentials(null, auth.nkeySeed().toCharArray()));
    } else if (auth.credential() != null) {
      b.authHandler(Nats.staticCredentials(auth.credential().getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  /** Stops consuming (unacked JetStream messages are redelivered later) and closes the connection; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (consumer != null) {
        consumer.close();
      }
    } catch (Exception e) {
      LOG.debugf("%s: closing the consumer: %s", spec.path(), e.getMessage());
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
