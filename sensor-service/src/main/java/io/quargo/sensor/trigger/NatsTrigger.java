package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.TlsFailure;
import io.quargo.core.tls.TlsMaterial;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.ErrorListenerLoggerImpl;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code nats} trigger: publishes the JSON built from {@code payload} to {@code subject} on the NATS server at
 * {@code url} (Argo writes it without a scheme: {@code host:4222}). Each message carries
 * {@value HttpTrigger#TRIGGER_ID_HEADER} and {@code Nats-Msg-Id} = the execution key, so a JetStream stream
 * capturing the subject drops a repeat within its duplicate window. {@code auth} ({@code basic}, {@code token},
 * {@code nkey} seed or {@code credential} file, as Argo's NATSAuth) and {@code tls} ({@link TriggerTls}) are read
 * from secrets when the connection is made. One connection per url, auth and tls, closed with the runner.
 */
public final class NatsTrigger implements TriggerExecutor, AutoCloseable {
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> AUTH_FORMS = List.of("basic", "token", "nkey", "credential");
  private final SecretResolver secrets;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  public NatsTrigger(SecretResolver secrets) {
    this.secrets = secrets;
  }

  @Override
  public String kind() {
    return "nats";
  }

  @Override
  public void validate(Trigger trigger) {
    String where = trigger.where() + ".template.nats";
    TriggerTls.validate(trigger.typeSpec(), where);
    JsonNode auth = trigger.typeSpec().get("auth");
    if (auth == null || auth.isNull()) {
      return;
    }
    long forms = AUTH_FORMS.stream().filter(auth::hasNonNull).count();
    if (!auth.isObject() || forms != 1) {
      throw new SensorSpecException(where + ".auth", "must be an object with exactly one of " + AUTH_FORMS);
    }
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template.nats";
    JsonNode spec = TriggerParameters.apply(template.get("nats"), trigger.typeParameters(), firing.events());
    String url = spec.path("url").asText("");
    String subject = spec.path("subject").asText("");
    if (url.isBlank()) {
      throw TriggerFailure.permanent(where + ".url: is required, e.g. nats.example:4222");
    }
    if (subject.isBlank() || subject.contains(" ")) {
      throw TriggerFailure.permanent(where + ".subject: must be a NATS subject without spaces, got '" + subject + "'");
    }
    String body = TriggerParameters.payload(trigger.payload(), firing.events());
    Headers headers = new Headers().put(HttpTrigger.TRIGGER_ID_HEADER, firing.executionKey())
        .put("Nats-Msg-Id", firing.executionKey());
    Connection connection = connection(sensor, spec, url, where);
    try {
      connection.publish(NatsMessage.builder().subject(subject).headers(headers)
          .data(body.getBytes(StandardCharsets.UTF_8)).build());
      connection.flush(FLUSH_TIMEOUT);
    } catch (TimeoutException | RuntimeException e) {
      throw TriggerFailure.transientFailure(where + ": publishing to " + subject + " on " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TriggerFailure.transientFailure(where + ": interrupted while publishing to " + url, e);
    }
  }

  private synchronized Connection connection(Sensor sensor, JsonNode spec, String url, String where) {
    String server = url.contains("://") ? url : "nats://" + url;
    String authKey = server + "\0" + spec.path("auth") + "\0" + spec.path("tls");
    Connection existing = connections.get(authKey);
    if (existing != null && existing.getStatus() != Connection.Status.CLOSED) {
      return existing;
    }
    Options.Builder options = new Options.Builder().server(server).connectionTimeout(Duration.ofSeconds(10))
        .maxReconnects(-1);
    JsonNode auth = spec.path("auth");
    if (auth.hasNonNull("basic")) {
      String at = where + ".auth.basic";
      options.userInfo(Secrets.read(secrets, sensor, auth.path("basic").path("username"), at + ".username"),
          Secrets.read(secrets, sensor, auth.path("basic").path("password"), at + ".password"));
    } else if (auth.hasNonNull("token")) {
      options.token(Secrets.read(secrets, sensor, auth.path("token"), where + ".auth.token").toCharArray());
    } else if (auth.hasNonNull("nkey")) {
      String seed = Secrets.read(secrets, sensor, auth.path("nkey"), where + ".auth.nkey");
      options.authHandler(Nats.staticCredentials(null, seed.trim().toCharArray()));
    } else if (auth.hasNonNull("credential")) {
      String creds = Secrets.read(secrets, sensor, auth.path("credential"), where + ".auth.credential");
      options.authHandler(Nats.staticCredentials(creds.getBytes(StandardCharsets.UTF_8)));
    }
    TlsMaterial tls = TriggerTls.read(secrets, sensor, spec, where);
    if (tls != null) {
      options.sslContext(TriggerTls.sslContext(tls));
    }
    // jnats reports why a connect failed only to its error listener (its IOException says "Unable to connect")
    AtomicReference<Exception> lastError = new AtomicReference<>();
    options.errorListener(new ErrorListenerLoggerImpl() {
      @Override
      public void exceptionOccurred(Connection conn, Exception exp) {
        lastError.set(exp);
        super.exceptionOccurred(conn, exp);
      }
    });
    try {
      Connection c = Nats.connect(options.build());
      connections.put(authKey, c);
      return c;
    } catch (IOException | IllegalArgumentException e) {
      Exception cause = lastError.get() != null ? lastError.get() : e;
      String why = tls != null ? TlsFailure.describe(cause, tls, server) : e.getMessage();
      throw TriggerFailure.transientFailure(where + ".url: cannot connect to " + server + ": " + why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TriggerFailure.transientFailure(where + ": interrupted while connecting to " + server, e);
    }
  }

  @Override
  public void close() {
    connections.values().forEach(c -> {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    connections.clear();
  }
}
