package io.quargo.eventsource.webhook;

import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.spi.SourceMetrics;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook servers of a set of routes: one {@link WebhookServer} per distinct port. {@link #update} changes
 * the set in place, so a port whose routes change keeps listening.
 */
public final class WebhookServers implements AutoCloseable {
  private final Vertx vertx;
  private final String host;
  private final Publisher publisher;
  private final SourceMetrics metrics;
  private final Map<Integer, WebhookServer> servers = new TreeMap<>();

  private WebhookServers(Vertx vertx, String host, Publisher publisher, SourceMetrics metrics) {
    this.vertx = vertx;
    this.host = host;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** Starts one server per port; if one fails, those already started are closed again. */
  public static WebhookServers start(Vertx vertx, String host, Collection<WebhookRoute> routes, Publisher publisher) {
    return start(vertx, host, routes, publisher, SourceMetrics.inMemory());
  }

  /** As {@link #start(Vertx, String, Collection, Publisher)}, counting events in {@code metrics}. */
  public static WebhookServers start(Vertx vertx, String host, Collection<WebhookRoute> routes, Publisher publisher,
      SourceMetrics metrics) {
    WebhookServers started = new WebhookServers(vertx, host, publisher, metrics);
    try {
      byPort(routes).forEach((port, portRoutes) -> started.servers.put(port, started.startPort(port, portRoutes)));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /**
   * Serves {@code routes} from now on: ports no longer used are closed, new ones opened, and a port whose routes
   * changed swaps them without closing (it restarts only when its certificate changes). A port that cannot be
   * served does not stop the others.
   *
   * @return why each port that could not be served is not (empty when all are served)
   */
  public synchronized Map<Integer, String> update(Collection<WebhookRoute> routes) {
    Map<Integer, List<WebhookRoute>> wanted = byPort(routes);
    Map<Integer, String> failed = new TreeMap<>();
    for (Integer port : List.copyOf(servers.keySet())) {
      if (!wanted.containsKey(port)) {
        servers.remove(port).close();
      }
    }
    wanted.forEach((port, portRoutes) -> {
      try {
        WebhookServer current = servers.get(port);
        if (current != null && current.reroute(portRoutes)) {
          return;
        }
        if (current != null) {
          servers.remove(port).close();
        }
        servers.put(port, startPort(port, portRoutes));
      } catch (RuntimeException e) {
        failed.put(port, e.getMessage());
      }
    });
    return failed;
  }

  /**
   * Checks that {@code routes} can be served together (no endpoint twice on a port, one certificate per port),
   * without touching a server: an EventSource that would clash with another is refused before anything changes.
   *
   * @throws WebhookSpecException naming the route and what it clashes with
   */
  public static void validate(Collection<WebhookRoute> routes) {
    byPort(routes).forEach((port, portRoutes) -> WebhookServer.tls(port,
        WebhookServer.byEndpoint(port, portRoutes).values()));
  }

  private WebhookServer startPort(int port, List<WebhookRoute> routes) {
    return WebhookServer.start(vertx, host, port, routes, publisher, metrics);
  }

  private static Map<Integer, List<WebhookRoute>> byPort(Collection<WebhookRoute> routes) {
    Map<Integer, List<WebhookRoute>> byPort = new TreeMap<>();
    routes.forEach(r -> byPort.computeIfAbsent(r.port(), p -> new ArrayList<>()).add(r));
    return byPort;
  }

  public synchronized List<WebhookServer> servers() {
    return List.copyOf(servers.values());
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(WebhookServer::close);
    servers.clear();
  }
}
