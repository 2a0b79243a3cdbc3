package io.quargo.eventsource.webhook;

import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.spi.SourceMetrics;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP server on one port, shared by every webhook event configured on that port (as Argo does), plus
 * {@code GET /health}. Use {@link WebhookServers} to start the servers of a whole set of routes.
 */
public final class WebhookServer implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final String deployment;
  private final int port;
  private final WebhookTls tls;
  private final WebhookRequestHandler handler;

  private WebhookServer(Vertx vertx, String deployment, int port, WebhookTls tls, WebhookRequestHandler handler) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.port = port;
    this.tls = tls;
    this.handler = handler;
  }

  /**
   * Listens on {@code host:port} and returns once the port is bound.
   *
   * @throws WebhookSpecException when two routes of the port share an endpoint, or a route names another port
   * @throws IllegalStateException when the port cannot be bound (in use, no permission)
   */
  public static WebhookServer start(Vertx vertx, String host, int port, Collection<WebhookRoute> routes,
      Publisher publisher) {
    return start(vertx, host, port, routes, publisher, SourceMetrics.inMemory());
  }

  /** As {@link #start(Vertx, String, int, Collection, Publisher)}, counting events in {@code metrics}. */
  public static WebhookServer start(Vertx vertx, String host, int port, Collection<WebhookRoute> routes,
      Publisher publisher, SourceMetrics metrics) {
    Map<String, WebhookRoute> byEndpoint = byEndpoint(port, routes);
    WebhookTls tls = tls(port, byEndpoint.values());
    WebhookRequestHandler handler = new WebhookRequestHandler(byEndpoint, publisher, metrics);
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
    if (tls != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertValue(Buffer.buffer(tls.certPem())).setKeyValue(Buffer.buffer(tls.keyPem())));
    }
    // one instance per event loop on the same port: Vert.x spreads connections over them, where one
    // server created outside a verticle would serve every connection on a single thread
    DeploymentOptions instances = new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors());
    try {
      String deployment = vertx.deployVerticle(() -> new Listener(options, handler), instances)
          .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new WebhookServer(vertx, deployment, port, tls, handler);
    } catch (ExecutionException e) {
      String what = tls == null ? "" : " with the certificate and key of " + tls.where() + " and serverKeySecret";
      throw new IllegalStateException("cannot serve webhooks on " + host + ":" + port + what + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("webhook server on " + host + ":" + port + " did not start within "
          + START_TIMEOUT_SECONDS + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the webhook server on port " + port, e);
    }
  }

  static Map<String, WebhookRoute> byEndpoint(int port, Collection<WebhookRoute> routes) {
    Map<String, WebhookRoute> byEndpoint = new LinkedHashMap<>();
    for (WebhookRoute route : routes) {
      if (route.port() != port) {
        throw new IllegalArgumentException(route + " is for port " + route.port() + ", not " + port);
      }
      if (route.endpoint().equals("/health")) {
        throw new WebhookSpecException(route.where("endpoint"), "/health is reserved for the health check");
      }
      WebhookRoute other = byEndpoint.putIfAbsent(route.endpoint(), route);
      if (other != null) {
        throw new WebhookSpecException(route.where("endpoint"),
            route.endpoint() + " on port " + port + " is already served for " + other.ref()
                + "; give each event its own endpoint or port");
      }
    }
    return byEndpoint;
  }

  /** Every route of a port must serve the same certificate, or none: there is one server per port. */
  static WebhookTls tls(int port, Collection<WebhookRoute> routes) {
    WebhookRoute first = routes.iterator().next();
    for (WebhookRoute route : routes) {
      boolean same = first.tls() == null ? route.tls() == null : first.tls().sameAs(route.tls());
      if (!same) {
        throw new WebhookSpecException(route.where("serverCertSecret"), "port " + port + " is also served for "
            + first.ref() + (first.tls() == null ? " without TLS" : " with another certificate")
            + "; one port is one server, so give its events the same serverCertSecret/serverKeySecret or another port");
      }
    }
    return first.tls();
  }

  public int port() {
    return port;
  }

  public List<WebhookRoute> routes() {
    return List.copyOf(handler.routes().values());
  }

  /**
   * Serves {@code routes} from now on, without closing the port: requests in flight finish with the route they
   * started with, and no sender meets a closed port while another EventSource changes.
   *
   * @return false when the routes need another certificate (or none): the server must be restarted for that
   */
  boolean reroute(Collection<WebhookRoute> routes) {
    Map<String, WebhookRoute> byEndpoint = byEndpoint(port, routes);
    WebhookTls wanted = tls(port, byEndpoint.values());
    if (wanted == null ? tls != null : !wanted.sameAs(tls)) {
      return false;
    }
    handler.routes(byEndpoint);
    return true;
  }

  /** Stops accepting requests; in-flight ones end with the connection. */
  @Override
  public void close() {
    try {
      vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("webhook server on port " + port() + " did not close: " + e.getMessage(), e);
    }
  }

  /** One listening instance; its server closes when the deployment is undeployed. */
  private static final class Listener extends AbstractVerticle {
    private final HttpServerOptions options;
    private final WebhookRequestHandler handler;

    Listener(HttpServerOptions options, WebhookRequestHandler handler) {
      this.options = options;
      this.handler = handler;
    }

    @Override
    public void start(Promise<Void> started) {
      vertx.createHttpServer(new HttpServerOptions(options))
          .requestHandler(handler::handle)
          .listen()
          .<Void>mapEmpty()
          .onComplete(started);
    }
  }
}
