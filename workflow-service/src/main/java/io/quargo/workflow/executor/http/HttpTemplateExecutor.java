package io.quargo.workflow.executor.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.lang.ArgoExpressions;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Argo's {@code http} template, run in-process (Argo runs it in a per-workflow agent pod): {@code url},
 * {@code method} (GET), {@code headers} (literal values), {@code body} or {@code bodyFrom.bytes} (base64),
 * {@code timeoutSeconds} (30). The response body is {@code outputs.result}. Success is
 * {@code successCondition} (expr over {@code request} and {@code response.{statusCode, body, headers}}) or, without
 * one, a 2xx status. Not supported: header values from secrets, {@code insecureSkipVerify} (TLS is always
 * verified) — both refused with a clear message.
 */
public final class HttpTemplateExecutor implements Executor {
  private static final ArgoExpressions EXPRESSIONS = ArgoExpressions.standard();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public RunningTask start(ExecutionTask task, ExecutionListener listener) {
    JsonNode http = task.template().path("http");
    HttpRequest request;
    try {
      request = request(http);
    } catch (IllegalArgumentException e) {
      listener.finished(ExecutionResult.error(e.getMessage(), Instant.now()));
      return message -> { };
    }
    listener.started(Instant.now());
    CompletableFuture<HttpResponse<String>> call = client.sendAsync(request,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    call.whenComplete((response, error) -> listener.finished(error != null
        ? new ExecutionResult("Failed", request.method() + " " + request.uri() + " failed: " + cause(error), null,
            null, Map.of(), Map.of(), Instant.now())
        : judge(http, request, response)));
    return message -> {
      if (call.cancel(true)) {
        listener.finished(new ExecutionResult("Failed", message, null, null, Map.of(), Map.of(), Instant.now()));
      }
    };
  }

  private static HttpRequest request(JsonNode http) {
    String url = http.path("url").asText("");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("http.url '" + url + "' is not a URL: " + e.getMessage());
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("http.url '" + url + "' must start with http:// or https://");
    }
    if (http.path("insecureSkipVerify").asBoolean(false)) {
      throw new IllegalArgumentException("http.insecureSkipVerify is not supported: TLS is always verified here");
    }
    String method = http.path("method").asText("GET").toUpperCase(Locale.ROOT);
    String body = http.hasNonNull("body") ? http.get("body").asText()
        : http.path("bodyFrom").hasNonNull("bytes")
            ? new String(Base64.getDecoder().decode(http.path("bodyFrom").get("bytes").asText()), StandardCharsets.UTF_8)
            : null;
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(http.path("timeoutSeconds").asLong(30)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (JsonNode h : http.path("headers")) {
      if (h.has("valueFrom")) {
        throw new IllegalArgumentException("http.headers[" + h.path("name").asText() + "].valueFrom is not supported"
            + " in standalone mode (no Kubernetes secrets); give the header a value");
      }
      b.header(h.path("name").asText(), h.path("value").asText(""));
    }
    return b.build();
  }

  private static ExecutionResult judge(JsonNode http, HttpRequest request, HttpResponse<String> response) {
    String condition = http.path("successCondition").asText("");
    boolean ok;
    String message;
    if (condition.isBlank()) {
      ok = response.statusCode() >= 200 && response.statusCode() < 300;
      message = ok ? null : "received non-2xx response code: " + response.statusCode();
    } else {
      try {
        ok = Boolean.TRUE.equals(EXPRESSIONS.evaluate(condition, env(request, response, http)));
        message = ok ? null : "successCondition '" + condition + "' evaluated false";
      } catch (RuntimeException e) {
        ok = false;
        message = "successCondition '" + condition + "' failed: " + e.getMessage();
      }
    }
    return new ExecutionResult(ok ? "Succeeded" : "Failed", message, null, response.body(), Map.of(), Map.of(),
        Instant.now());
  }

  private static Map<String, Object> env(HttpRequest request, HttpResponse<String> response, JsonNode http) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("method", request.method());
    req.put("url", request.uri().toString());
    req.put("body", http.path("body").asText(""));
    req.put("headers", new LinkedHashMap<String, List<String>>(request.headers().map()));
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("statusCode", (long) response.statusCode());
    res.put("body", response.body());
    res.put("headers", new LinkedHashMap<String, List<String>>(response.headers().map()));
    return Map.of("request", req, "response", res);
  }

  private static String cause(Throwable error) {
    Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  @Override
  public void close() {
    // the JDK client has nothing to release on Java 17
  }
}
