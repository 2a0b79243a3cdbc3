package io.quargo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The HTTP side of the CLI: JSON requests to an Argo Server-compatible API, errors turned into one
 * readable line, and grpc-gateway streams ({"result":..} per line, or SSE "data:" lines) read as they come.
 */
public final class ArgoClient {
  /** A plain request that gets no answer in this time is reported; streams have no limit. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private final ServerAddress address;
  private final Map<String, String> headers;
  private final HttpClient http;

  public ArgoClient(ServerAddress address, Map<String, String> headers) {
    this.address = address;
    this.headers = new LinkedHashMap<>(headers);
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public ServerAddress address() {
    return address;
  }

  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  public JsonNode post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  public JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  /** One request and its JSON answer ({} for an empty body); an HTTP error is an {@link ApiException}. */
  public JsonNode send(String method, String path, JsonNode body) {
    HttpRequest request = request(method, path, body, "application/json", REQUEST_TIMEOUT);
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    byte[] bytes = response.body();
    if (response.statusCode() >= 300) {
      throw new ApiException(response.statusCode(), method, path, errorMessage(bytes));
    }
    if (bytes.length == 0) {
      return Json.object();
    }
    try {
      return Json.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new CliException(method + " " + path + ": the server answered with something that is not JSON ("
          + e.getMessage() + "); is " + address.base() + " an Argo Server-compatible API?");
    }
  }

  /**
   * Reads a stream and hands each {@code result} to {@code onResult} until it returns false or the
   * server ends the stream. Returns true when the handler stopped it, false when the stream ended.
   */
  public boolean stream(String path, Predicate<JsonNode> onResult) {
    HttpRequest request = request("GET", path, null, "text/event-stream", null);
    HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (response.statusCode() >= 300) {
        throw new ApiException(response.statusCode(), "GET", path, errorMessage(in.readAllBytes()));
      }
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode result = parse(line, path, reader);
        if (result != null && !onResult.test(result)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new StreamBrokenException("the stream " + path + " from " + address.base() + " broke: " + e.getMessage());
    }
  }

  /** A line that is not JSON because the connection dropped mid-line is a broken stream, not bad data. */
  private JsonNode parse(String line, String path, BufferedReader reader) throws IOException {
    try {
      return StreamLines.result(line, path);
    } catch (StreamLines.NotJson e) {
      reader.mark(1);
      if (reader.read() < 0) {
        throw new StreamBrokenException("the stream " + path + " from " + address.base() + " broke mid-line");
      }
      throw e;
    }
  }

  public static String query(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest request(String method, String path, JsonNode body, String accept, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address.base() + path))
        .header("Accept", accept)
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (address.token() != null) {
      b.header("Authorization", address.token());
    }
    headers.forEach(b::header);
    if (timeout != null) {
      b.timeout(timeout);
    }
    return b.build();
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException e) {
      throw new CliException("timed out connecting to the Quargo server at " + address.base()
          + ": is the address right, and is the server TLS when --secure/ARGO_SECURE is set (or not when unset)?");
    } catch (ConnectException e) {
      throw unreachable();
    } catch (HttpTimeoutException e) {
      throw new CliException(request.method() + " " + request.uri().getRawPath() + ": no answer from "
          + address.base() + " within " + REQUEST_TIMEOUT.toMinutes() + " minutes");
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw unreachable();
      }
      throw new CliException("request to " + address.base() + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private CliException unreachable() {
    return new CliException("cannot reach the Quargo server at " + address.base()
        + ": is `./quargo server` running?");
  }

  /** grpc-gateway errors are {"code":5,"message":"..."}; anything else is shown as text. */
  static String errorMessage(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).trim();
    try {
      JsonNode node = Json.parse(bytes);
      JsonNode error = node.has("error") ? node.get("error") : node;
      if (error.hasNonNull("message")) {
        return error.get("message").asText();
      }
    } catch (RuntimeException notJson) {
      // fall through to the raw text
    }
    return text.isEmpty() ? "(no message)" : text;
  }
}
