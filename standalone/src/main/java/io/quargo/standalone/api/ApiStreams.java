package io.quargo.standalone.api;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Opens streamed answers (logs, watches) and ends them all when the server shuts down. */
@Singleton
public class ApiStreams {
  private volatile boolean stopping;

  void onShutdown(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /** The body a streaming endpoint writes, newline-delimited JSON or (sse) server-sent events. */
  public interface Body {
    void write(StreamWriter writer) throws InterruptedException;
  }

  Response open(HttpServerResponse response, boolean sse, Body body) {
    StreamingOutput output = out -> {
      StreamWriter writer = new StreamWriter(out, response, sse, () -> stopping);
      if (sse) {
        writer.idle(); // an SSE comment sends the status line now, before the first event
      }
      try {
        body.write(writer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    return Response.ok(output).type(sse ? StreamWriter.EVENT_STREAM : "application/json").build();
  }
}
