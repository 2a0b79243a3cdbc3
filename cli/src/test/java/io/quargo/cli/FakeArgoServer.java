package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HttpServer standing in for the Argo Server: answers from routes set per test ("METHOD /path",
 * matched without the query) and records every request. Unrouted requests get a grpc-gateway 404.
 */
public final class FakeArgoServer implements AutoCloseable {
  /** One recorded request. */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }
  }

  /** An answer: status and body; a streamed answer is several lines written one by one. */
  public record Answer(int status, List<String> lines) {
    public static Answer json(String body) {
      return new Answer(200, List.of(body));
    }

    public static Answer json(JsonNode body) {
      return json(Json.string(body));
    }

    public static Answer error(int status, int grpcCode, String message) {
      return new Answer(status, List.of(Json.string(Json.object().put("code", grpcCode).put("message", message))));
    }

    public static Answer stream(List<String> lines) {
      return new Answer(200, lines);
    }
  }

  /** A stream line that makes the server drop the connection there. */
  public static final String BREAK = "!BREAK";

  private final HttpServer server;
  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeArgoServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeArgoServer on(String methodAndPath, Answer answer) {
    routes.put(methodAndPath, answer);
    return this;
  }

  public List<Request> requests() {
    return requests;
  }

  /** The only request made with this method and path; fails when there is not exactly one. */
  public Request the(String method, String path) {
    List<Request> r = requests.stream().filter(q -> q.method().equals(method) && q.path().equals(path)).toList();
    if (r.size() != 1) {
      throw new AssertionError("expected one " + method + " " + path + ", got " + requests);
    }
    return r.get(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getRawPath();
    requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(),
        Map.copyOf(ex.getRequestHeaders()), body));
    Answer a = routes.getOrDefault(ex.getRequestMethod() + " " + path,
        Answer.error(404, 5, "not found: " + ex.getRequestMethod() + " " + path));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), 0);
    try (OutputStream out = ex.getResponseBody()) {
      List<String> lines = a.lines();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).equals(BREAK)) {
          // drop the connection mid-stream, as a server restart would
          throw new IOException("connection dropped on purpose");
        }
        boolean cutAfter = i + 1 < lines.size() && lines.get(i + 1).equals(BREAK);
        out.write((lines.get(i) + (cutAfter ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
