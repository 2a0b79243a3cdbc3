package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Writes a streamed answer as Argo Server's grpc-gateway does: one JSON object per line, or, when the client
 * asked for {@code text/event-stream}, server-sent events ({@code data: {..}} and a blank line). Each object
 * is flushed at once. Reports {@code false} once the client has gone or the server is shutting down, so the
 * producing loop ends and releases its subscription.
 */
final class StreamWriter implements WorkflowLogs.LineSink, WorkflowEventStream.EventSink {
  static final String EVENT_STREAM = "text/event-stream";

  private final OutputStream out;
  private final HttpServerResponse response;
  private final boolean sse;
  private final BooleanSupplier stopping;

  StreamWriter(OutputStream out, HttpServerResponse response, boolean sse, BooleanSupplier stopping) {
    this.out = out;
    this.response = response;
    this.sse = sse;
    this.stopping = stopping;
  }

  static boolean wantsEventStream(String accept) {
    return accept != null && accept.contains(EVENT_STREAM);
  }

  @Override
  public boolean write(JsonNode line) {
    String json = Json.string(line);
    return send(sse ? "data: " + json + "\n\n" : json + "\n");
  }

  @Override
  public boolean write(ObjectNode event) {
    return write((JsonNode) event);
  }

  @Override
  public boolean idle() {
    if (stopping.getAsBoolean() || response != null && response.closed()) {
      return false;
    }
    // an SSE comment keeps proxies from timing the stream out and finds a vanished client
    return !sse || send(": keep-alive\n\n");
  }

  private boolean send(String text) {
    if (stopping.getAsBoolean()) {
      return false;
    }
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
