package io.quargo.eventsource.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import io.quargo.eventsource.amqp.ConnectionBackoff;
import io.quargo.eventsource.amqp.PublishRetry;
import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsFailure;
import io.quargo.eventsource.tls.TlsSpec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Subscribes to one {@code spec.mqtt} entry with QoS 1 in a persistent session ({@code cleanSession=false},
 * session named by {@code clientId}) and acknowledges each message (PUBACK) only after the bus stored its event.
 * While connected a failed publish is retried in memory (MQTT cannot ask for a resend); a message not yet
 * acknowledged when we disconnect or crash stays in the broker's session and comes again on the next connect.
 */
public final class MqttAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(MqttAdapter.class);
  static final int KEEP_ALIVE_SECONDS = 30;

  private final MqttSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PublishRetry retry;
  /** Until the first connect succeeded, our backoff loop retries, not the client's own reconnect. */
  private volatile boolean established;
  private volatile Mqtt3AsyncClient client;

  public MqttAdapter(MqttSource source) {
    this.source = source;
    this.retry = new PublishRetry(where());
  }

  public MqttSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) throws Exception {
    Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3().identifier(source.clientId())
        .serverHost(source.host()).serverPort(source.port()).automaticReconnectWithDefaultConfig()
        .addDisconnectedListener(this::onDisconnected);
    if (source.useTls()) {
      builder = builder.sslConfig(sslConfig(source.tls()));
    }
    client = builder.buildAsync();
    // registered before connecting: a resumed session delivers its unacknowledged messages right after CONNACK
    client.publishes(MqttGlobalPublishFilter.ALL, publish -> onPublish(publish, sink), true);
    connect();
    established = true;
    Mqtt3SubAck subAck = client.subscribeWith().topicFilter(source.topic()).qos(MqttQos.AT_LEAST_ONCE).send()
        .get(30, TimeUnit.SECONDS);
    if (subAck.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
      close();
      throw new IllegalStateException(where() + ": the broker at " + source.address() + " refused the subscription to '"
          + source.topic() + "'");
    }
  }

  /** The spec's trust and client certificate; the host name is checked unless {@code insecureSkipVerify}. */
  private static MqttClientSslConfig sslConfig(TlsSpec tls) {
    MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
    if (tls == null) {
      return ssl.build(); // ssl:// without a tls block: the JVM's default CAs
    }
    ssl = ssl.trustManagerFactory(PemSslContext.trustManagers(tls)).keyManagerFactory(PemSslContext.keyManagers(tls));
    return tls.insecureSkipVerify() ? ssl.hostnameVerifier((host, session) -> true).build() : ssl.build();
  }

  private void connect() throws Exception {
    ConnectionBackoff backoff = source.connectionBackoff();
    for (int attempt = 0; ; attempt++) {
      try {
        Mqtt3ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck>>
            connect = client.connectWith().cleanSession(false).keepAlive(KEEP_ALIVE_SECONDS);
        if (source.username() != null) {
          connect = connect.simpleAuth().username(source.username())
              .password(source.password() == null ? new byte[0] : source.password().getBytes(StandardCharsets.UTF_8))
              .applySimpleAuth();
        }
        connect.send().get(30, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        String tlsProblem = source.useTls() ? TlsFailure.explain(e, source.tls(), source.address()) : null;
        if (tlsProblem != null) {
          close();
          throw new IllegalStateException(where() + ": " + tlsProblem, e); // a retry gets the same certificate
        }
        if (attempt + 1 >= backoff.steps() || closed.get()) {
          close();
          Throwable cause = e.getCause() == null ? e : e.getCause();
          throw new IllegalStateException(where() + ": cannot connect to " + source.address() + " after "
              + (attempt + 1) + " attempts: " + (source.useTls() ? TlsFailure.describe(e, source.tls(),
              source.address()) : cause.getMessage()), e);
        }
        Thread.sleep(backoff.delay(attempt).toMillis());
      }
    }
  }

  private void onDisconnected(MqttClientDisconnectedContext context) {
    if (closed.get() || !established) {
      context.getReconnector().reconnect(false);
    } else {
      LOG.warnf("%s: disconnected from %s, reconnecting: %s", where(), source.address(),
          context.getCause().getMessage());
    }
  }

  private void onPublish(Mqtt3Publish publish, EventSink sink) {
    String topic = publish.getTopic().toString();
    ObjectNode data;
    try {
      data = MqttPayload.data(topic, publish.getPayloadAsBytes(), source.jsonBody(), source.metadata());
    } catch (IllegalArgumentException e) {
      // as Argo: a payload that cannot be marshalled is dropped; acknowledged so it does not block the session
      LOG.errorf("%s: message on '%s' dropped: payload is not JSON but jsonBody is set: %s", where(), topic,
          e.getMessage());
      publish.acknowledge();
      return;
    }
    // MQTT has no message id that survives a redelivery; this one only covers our own publish retries
    SourceEvent event = new SourceEvent(source.eventName(), "mqtt", StableIds.random(), null, data);
    retry.deliver(sink, event, publish::acknowledge);
  }

  /** Messages received and not yet stored on the bus (nor acknowledged). */
  public int retryWaiting() {
    return retry.waiting();
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " mqtt." + source.eventName();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    retry.close();
    Mqtt3AsyncClient c = client;
    if (c != null) {
      try {
        c.disconnect().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debugf("%s: disconnect: %s", where(), e.getMessage());
      }
    }
  }

  /** The entry, as the EventSource's status names it. */
  @Override
  public String toString() {
    return "mqtt." + source.eventName();
  }
}
