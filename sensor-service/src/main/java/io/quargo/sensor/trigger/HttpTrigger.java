package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.TlsFailure;
import io.quargo.core.tls.TlsMaterial;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code http} trigger: {@code url}, {@code method} (POST by default), a JSON body built from {@code payload},
 * {@code headers}, {@code secureHeaders} and {@code basicAuth} from secrets, {@code timeout} in seconds (60 by
 * default), {@code tls} (a private CA, a client certificate, or insecureSkipVerify; {@link TriggerTls}). Every
 * request carries {@value #TRIGGER_ID_HEADER} = the execution key, so a receiver can drop a repeat. Any status
 * counts as done unless {@code policy.status.allow} lists the accepted ones.
 */
public final class HttpTrigger implements TriggerExecutor {
  public static final String TRIGGER_ID_HEADER = "X-Quargo-Trigger-Id";
  private static final List<String> METHODS = List.of("GET", "DELETE", "PATCH", "POST", "PUT");

  private static final int MAX_TLS_CLIENTS = 32;

  private final HttpClient client;
  private final SecretResolver secrets;
  private final Map<TlsMaterial, HttpClient> tlsClients = new ConcurrentHashMap<>();

  public HttpTrigger(HttpClient client, SecretResolver secrets) {
    this.client = client;
    this.secrets = secrets;
  }

  public HttpTrigger(SecretResolver secrets) {
    this(newClient(), secrets);
  }

  /** The client a trigger makes for itself. */
  public static HttpClient newClient() {
    // HTTP/1.1 as Argo's Go client speaks to http:// URLs: a pool of connections serves concurrent firings,
    // where the JDK's default (an h2c upgrade to one multiplexed connection) serialises them
    return clientBuilder().build();
  }

  private static HttpClient.Builder clientBuilder() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .executor(Runnable::run);
  }

  @Override
  public String kind() {
    return "http";
  }

  @Override
  public void validate(Trigger trigger) {
    String where = trigger.where() + ".template." + trigger.type();
    if (trigger.typeSpec().hasNonNull("dynamicHeaders")) {
      throw new SensorSpecException(where + ".dynamicHeaders",
          "is not supported by this sensor service yet; remove it or use another trigger kind");
    }
    TriggerTls.validate(trigger.typeSpec(), where);
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template." + trigger.type();
    JsonNode spec = TriggerParameters.apply(template.get(trigger.type()), trigger.typeParameters(), firing.events());
    HttpRequest request = request(sensor, trigger, spec, firing, where);
    TlsMaterial tls = TriggerTls.read(secrets, sensor, spec, where);
    HttpResponse<String> response;
    try {
      response = (tls == null ? client : tlsClient(tls)).send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String why = "https".equals(request.uri().getScheme())
          ? TlsFailure.describe(e, tls, request.uri().getAuthority()) : e.toString();
      throw TriggerFailure.transientFailure(where + ": " + request.method() + " " + request.uri() + " failed: " + why,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TriggerFailure.transientFailure(where + ": interrupted while calling " + request.uri(), e);
    }
    if (!trigger.statusAllow().isEmpty() && !trigger.statusAllow().contains(response.statusCode())) {
      throw TriggerFailure.transientFailure(where + ": " + request.method() + " " + request.uri() + " answered "
          + response.statusCode() + ", not one of policy.status.allow " + trigger.statusAllow(), null);
    }
  }

  /** One client per distinct TLS material (the texts, so a rotated secret gets a new one), kept for reuse. */
  private HttpClient tlsClient(TlsMaterial tls) {
    HttpClient existing = tlsClients.get(tls);
    if (existing != null) {
      return existing;
    }
    if (tlsClients.size() >= MAX_TLS_CLIENTS) {
      tlsClients.clear(); // rotations only; a few new handshakes cost less than unbounded clients
    }
    return tlsClients.computeIfAbsent(tls, t -> clientBuilder().sslContext(TriggerTls.sslContext(t)).build());
  }

  private HttpRequest request(Sensor sensor, Trigger trigger, JsonNode spec, Firing firing, String where) {
    String url = spec.path("url").asText("");
    if (url.isBlank()) {
      throw TriggerFailure.permanent(where + ".url: is required");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw TriggerFailure.permanent(where + ".url: '" + url + "' is not a valid URL: " + e.getMessage());
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw TriggerFailure.permanent(where + ".url: '" + url + "' must start with http:// or https://");
    }
    String method = spec.path("method").asText("POST").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw TriggerFailure.permanent(where + ".method: must be one of " + METHODS + ", got '" + method + "'");
    }
    HttpRequest.BodyPublisher body = trigger.payload().isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(TriggerParameters.payload(trigger.payload(), firing.events()),
            StandardCharsets.UTF_8);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout(spec, where)).method(method, body)
        .header(TRIGGER_ID_HEADER, firing.executionKey());
    if (!trigger.payload().isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    spec.path("headers").fields().forEachRemaining(h -> b.header(h.getKey(), h.getValue().asText()));
    secureHeaders(sensor, spec, where, b);
    basicAuth(sensor, spec.get("basicAuth"), where + ".basicAuth", b);
    return b.build();
  }

  private static Duration timeout(JsonNode spec, String where) {
    JsonNode t = spec.get("timeout");
    if (t == null || t.isNull()) {
      return Duration.ofSeconds(60);
    }
    if (!t.canConvertToLong() || t.asLong() <= 0) {
      throw TriggerFailure.permanent(where + ".timeout: must be a positive number of seconds, got " + t);
    }
    return Duration.ofSeconds(t.asLong());
  }

  private void secureHeaders(Sensor sensor, JsonNode spec, String where, HttpRequest.Builder b) {
    JsonNode list = spec.path("secureHeaders");
    for (int i = 0; i < list.size(); i++) {
      JsonNode h = list.get(i);
      String at = where + ".secureHeaders[" + i + "]";
      JsonNode ref = h.path("valueFrom").path("secretKeyRef");
      if (ref.isMissingNode()) {
        throw TriggerFailure.permanent(at + ".valueFrom: only secretKeyRef is supported");
      }
      b.header(h.path("name").asText(), secret(sensor, ref, at + ".valueFrom.secretKeyRef"));
    }
  }

  private void basicAuth(Sensor sensor, JsonNode auth, String where, HttpRequest.Builder b) {
    if (auth == null || auth.isNull()) {
      return;
    }
    String user = secret(sensor, auth.path("username"), where + ".username");
    String password = secret(sensor, auth.path("password"), where + ".password");
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    b.header("Authorization", "Basic " + token);
  }

  private String secret(Sensor sensor, JsonNode ref, String where) {
    return Secrets.read(secrets, sensor, ref, where);
  }
}
