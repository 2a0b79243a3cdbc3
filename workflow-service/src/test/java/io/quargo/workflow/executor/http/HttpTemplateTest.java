package io.quargo.workflow.executor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.NodeType;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.RoutingExecutor;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.quargo.workflow.run.RunObserver;
import io.quargo.workflow.run.Submission;
import io.quargo.workflow.run.WorkflowRunner;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http templates through the engine, the runner and the routing executor, against a local HTTP server. */
class HttpTemplateTest {

  private static WorkflowRun run(String yaml, Path dir) throws Exception {
    var wf = ManifestLoader.load(yaml, "http.yaml").get(0).resource();
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, TemplateResolver.NONE, Clock.systemUTC().instant());
    WorkflowEngine engine = new WorkflowEngine(TemplateResolver.NONE, new EngineSettings("h", true), new SyncLocks());
    try (RoutingExecutor executor = new RoutingExecutor(new LocalExecutor(dir), new HttpTemplateExecutor())) {
      return new WorkflowRunner(engine, executor, Clock.systemUTC(), RunObserver.NONE).run(run);
    }
  }

  @Test
  void theBodyIsTheResultAndSuccessConditionDecides(@TempDir Path dir) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/created", x -> {
      byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(201, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.createContext("/missing", x -> {
      x.sendResponseHeaders(404, -1);
      x.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      WorkflowRun ok = run("""
          apiVersion: argoproj.io/v1alpha1
          kind: Workflow
          metadata: {name: h}
          spec:
            entrypoint: main
            templates:
            - name: main
              steps:
              - - {name: call, template: call}
              - - name: use
                  template: echo
                  arguments: {parameters: [{name: m, value: "{{steps.call.outputs.result}}"}]}
            - name: call
              http:
                url: %s/created
                method: POST
                body: hello
                successCondition: "response.statusCode == 201 && response.body contains 'id'"
            - name: echo
              inputs: {parameters: [{name: m}]}
              container: {image: busybox, command: [echo, "{{inputs.parameters.m}}"]}
          """.formatted(base), dir.resolve("a"));
      assertThat(ok.phase).isEqualTo("Succeeded");
      Node call = ok.node("h[0].call");
      assertThat(call.type).isEqualTo(NodeType.HTTP);
      assertThat(call.result()).isEqualTo("{\"id\": 7}");
      assertThat(ok.node("h[1].use").inputs.path("parameters").get(0).path("value").asText()).isEqualTo("{\"id\": 7}");

      WorkflowRun missing = run("""
          apiVersion: argoproj.io/v1alpha1
          kind: Workflow
          metadata: {name: m}
          spec:
            entrypoint: call
            templates:
            - name: call
              http: {url: %s/missing}
          """.formatted(base), dir.resolve("b"));
      assertThat(missing.phase).isEqualTo("Failed");
      assertThat(missing.message).isEqualTo("received non-2xx response code: 404");
    } finally {
      server.stop(0);
    }
  }
}
