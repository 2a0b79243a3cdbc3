package io.quargo.eventsource.webhook;

import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.spi.SourceMetrics;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The webhook servers of a set of routes: one {@link WebhookServer} per distinct port. */
public final class WebhookServers implements AutoCloseable {
  private final List<WebhookServer> servers;

  private WebhookServers(List<WebhookServer> servers) {
    this.servers = servers;
  }

  /** Starts one server per port; if one fails, those already started are closed again. */
  public static WebhookServers start(Vertx vertx, String host, Collection<WebhookRoute> routes, Publisher publisher) {
    return start(vertx, host, routes, publisher, SourceMetrics.inMemory());
  }

  /** As {@link #start(Vertx, String, Collection, Publisher)}, counting events in {@code metrics}. */
  public static WebhookServers start(Vertx vertx, String host, Collection<WebhookRoute> routes, Publisher publisher,
      SourceMetrics metrics) {
    Map<Integer, List<WebhookRoute>> byPort = new TreeMap<>();
    routes.forEach(r -> byPort.computeIfAbsent(r.port(), p -> new ArrayList<>()).add(r));
    List<WebhookServer> started = new ArrayList<>();
    try {
      byPort.forEach((port, portRoutes) -> started.add(WebhookServer.start(vertx, host, port, portRoutes, publisher,
          metrics)));
    } catch (RuntimeException e) {
      started.forEach(WebhookServer::close);
      throw e;
    }
    return new WebhookServers(List.copyOf(started));
  }

  public List<WebhookServer> servers() {
    return servers;
  }

  @Override
  public void close() {
    servers.forEach(WebhookServer::close);
  }
}
