package io.quargo.eventsource.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.expr.ExprException;
import io.quargo.eventbus.publish.PublishException;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.spi.SourceMetrics;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Serves one port's requests: {@code GET /health}, then per route method, bearer token, size and body checks,
 * and finally the publish. The answer is 200 only once JetStream acknowledged the event (or the filter
 * dropped it, as Argo does); a failed publish is a 503 so the sender retries.
 */
final class WebhookRequestHandler {
  private static final Logger LOG = Logger.getLogger(WebhookRequestHandler.class);

  // swapped whole when an EventSource on this port changes; each request reads it once
  private volatile Map<String, WebhookRoute> routes;
  private final Publisher publisher;
  private final SourceMetrics metrics;

  WebhookRequestHandler(Map<String, WebhookRoute> routes, Publisher publisher, SourceMetrics metrics) {
    this.routes = routes;
    // an event loop never waits for an in-flight slot (a full window answers 503), and the ack is handed
    // straight from the NATS thread back to the request's event loop, without a pool hop in between
    this.publisher = publisher.nonBlocking(Runnable::run);
    this.metrics = metrics;
  }

  Map<String, WebhookRoute> routes() {
    return routes;
  }

  void routes(Map<String, WebhookRoute> next) {
    routes = next;
  }

  void handle(HttpServerRequest request) {
    String path = request.path();
    WebhookRoute route = routes.get(path);
    if (route == null) {
      if (path.equals("/health")) {
        respond(request, 200, "OK");
      } else {
        respond(request, 404, "no webhook at " + path + " on this port");
      }
      return;
    }
    String method = request.method().name();
    if (!method.equals(route.method())) {
      request.response().putHeader("Allow", route.method());
      respond(request, 405, "method " + method + " not allowed on " + path + "; use " + route.method());
      return;
    }
    String refusal = authRefusal(route, request.getHeader("Authorization"));
    if (refusal != null) {
      respond(request, 401, refusal);
      return;
    }
    readBody(request, route);
  }

  /** Null when the request may pass; the token itself is never logged nor echoed. */
  private static String authRefusal(WebhookRoute route, String authorization) {
    if (route.authToken() == null) {
      return null;
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "Invalid Authorization Header: expected 'Authorization: Bearer <token>'";
    }
    byte[] given = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
    byte[] expected = route.authToken().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected) ? null : "Invalid Auth token";
  }

  private void readBody(HttpServerRequest request, WebhookRoute route) {
    String length = request.getHeader("Content-Length");
    if (length != null && tooLarge(length, route.maxPayloadSize())) {
      tooLarge(request, route);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > route.maxPayloadSize()) {
        refused[0] = true;
        tooLarge(request, route);
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> {
      if (!refused[0]) {
        accept(request, route, body.getBytes());
      }
    });
  }

  private static boolean tooLarge(String contentLength, long max) {
    try {
      return Long.parseLong(contentLength.trim()) > max;
    } catch (NumberFormatException e) {
      return false; // the streamed count decides
    }
  }

  private static void tooLarge(HttpServerRequest request, WebhookRoute route) {
    request.response().putHeader("Connection", "close");
    respond(request, 413, "the request body is larger than maxPayloadSize (" + route.maxPayloadSize() + " bytes)");
  }

  private void accept(HttpServerRequest request, WebhookRoute route, byte[] body) {
    WebhookRequest received = new WebhookRequest(route, route.method(), request.headers().entries(), request.query(),
        body);
    Reception reception = route.receiver().receive(received);
    String type = route.receiver().type();
    if (reception instanceof Reception.Refused refused) {
      respond(request, refused.status(), refused.message());
    } else if (reception instanceof Reception.Dropped dropped) {
      LOG.debugf("%s: request not published: %s", route.ref(), dropped.why());
      respond(request, 200, "success");
    } else if (reception instanceof Reception.Accepted accepted) {
      metrics.received(route.namespace(), route.eventSource(), route.eventName(), type);
      if (!passes(route, accepted.data())) {
        metrics.filtered(route.namespace(), route.eventSource(), route.eventName(), type);
        respond(request, 200, "success");
        return;
      }
      CloudEvent.Builder event = CloudEvent.builder().source(route.eventSource()).subject(route.eventName())
          .type(route.receiver().type()).data(accepted.data());
      if (accepted.eventId() != null) {
        event.id(accepted.eventId());
      }
      publish(request, route, event.build());
    }
  }

  /** Argo drops an event its filter rejects or cannot evaluate, and still answers 200. */
  private static boolean passes(WebhookRoute route, ObjectNode data) {
    if (route.filter() == null) {
      return true;
    }
    try {
      return route.filter().accepts(data);
    } catch (ExprException e) {
      LOG.warnf("%s: event dropped, filter.expression failed: %s", route.ref(), e.getMessage());
      return false;
    }
  }

  private void publish(HttpServerRequest request, WebhookRoute route, CloudEvent event) {
    Context context = Vertx.currentContext();
    try {
      metrics.timed(publisher.publishEventAsync(route.namespace(), event), route.namespace(), route.eventSource(),
          route.eventName(), event.type()).whenComplete((ack, error) ->
          context.runOnContext(v -> {
            if (error == null) {
              respond(request, 200, "success");
            } else {
              unavailable(request, route, error);
            }
          }));
    } catch (PublishException e) {
      metrics.failed(route.namespace(), route.eventSource(), route.eventName(), event.type());
      unavailable(request, route, e);
    }
  }

  private static void unavailable(HttpServerRequest request, WebhookRoute route, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    LOG.warnf("%s: event not recorded, the sender should retry: %s", route.ref(), cause.getMessage());
    request.response().putHeader("Retry-After", "1");
    respond(request, 503, "failed to record event: the event bus did not acknowledge it (" + cause.getMessage()
        + "); retry later");
  }

  private static void respond(HttpServerRequest request, int status, String body) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
  }
}
