package io.quargo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.core.expr.Expr;
import io.quargo.core.expr.Program;
import io.quargo.core.govaluate.GovaluateExpression;
import io.quargo.core.govaluate.GovaluateMode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * expr-lang interpreter throughput: a Workflow {@code when} and a Sensor filter, each parsed once and
 * evaluated per operation; plus parsing alone for comparison. One operation = one evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExprBenchmark {
  static final String WHEN = "inputs.parameters.count > 3 && workflow.status == \"Succeeded\"";
  /** Argo's `when` is govaluate over the text after {{ }} substitution, e.g. "{{steps.flip.outputs.result}} == heads". */
  static final String GOVALUATE_WHEN = "heads == heads && 5 > 3";
  static final String FILTER = "body.repository.name == 'quargo' && body.ref startsWith 'refs/heads/'"
      + " && any(body.commits, .author.name != 'bot') && headers['X-Github-Event'][0] in ['push', 'merge']";

  private Program when;
  private GovaluateExpression govaluateWhen;
  private Program filter;
  private Map<String, Object> workflowEnv;
  private Map<String, Object> sensorEnv;

  @Setup
  public void setUp() throws Exception {
    when = Expr.compile(WHEN);
    govaluateWhen = GovaluateExpression.parse(GOVALUATE_WHEN, GovaluateMode.BARE_WORDS_ARE_STRINGS);
    filter = Expr.compile(FILTER);
    workflowEnv = Map.of(
        "inputs", Map.of("parameters", Map.of("count", 5L, "message", "hello")),
        "workflow", Map.of("status", "Succeeded", "name", "wf-abc12", "namespace", "argo"));
    JsonNode body = new ObjectMapper().readTree("{\"ref\":\"refs/heads/main\",\"repository\":{\"name\":\"quargo\"},"
        + "\"commits\":[{\"id\":\"a1\",\"author\":{\"name\":\"bot\"}},{\"id\":\"b2\",\"author\":{\"name\":\"ann\"}}]}");
    JsonNode headers = new ObjectMapper().readTree("{\"X-Github-Event\":[\"push\"]}");
    sensorEnv = Map.of("body", body, "headers", headers);
    if (!when.test(workflowEnv) || !filter.test(sensorEnv) || !govaluateWhen.evaluateBoolean(Map.of())) {
      throw new IllegalStateException("benchmark expressions must evaluate to true");
    }
  }

  @Benchmark
  public boolean evaluateWorkflowWhen() {
    return when.test(workflowEnv);
  }

  @Benchmark
  public boolean evaluateGovaluateWhen() {
    return govaluateWhen.evaluateBoolean(Map.of());
  }

  @Benchmark
  public boolean evaluateSensorFilter() {
    return filter.test(sensorEnv);
  }

  @Benchmark
  public Program parseWorkflowWhen() {
    return Expr.compile(WHEN);
  }
}
