package io.quargo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.template.Template;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sensor dataTemplate evaluation: parse once, execute many over a parsed event payload. One
 * operation = one execution, including conversion of the Jackson tree into Go-like values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TemplateBenchmark {
  private static final String PAYLOAD = "{\"Input\":{\"body\":{\"message\":\"hello from the webhook\","
      + "\"ref\":\"refs/heads/main\",\"count\":3,\"items\":[{\"id\":\"a\",\"qty\":2},{\"id\":\"b\",\"qty\":1},"
      + "{\"id\":\"c\",\"qty\":7}],\"labels\":{\"team\":\"core\",\"env\":\"prod\"}},"
      + "\"headers\":{\"X-GitHub-Event\":[\"push\"]}}}";

  private Template simple;
  private Template ranged;
  private JsonNode payload;

  @Setup
  public void setUp() {
    simple = Template.parse("data", "{{ .Input.body.message | upper }}");
    ranged = Template.parse("data", "{{ .Input.body.ref | trimPrefix \"refs/heads/\" }}:"
        + "{{ range $i, $it := .Input.body.items }}{{ if $i }},{{ end }}{{ $it.id }}={{ $it.qty }}{{ end }}"
        + "{{ range $k, $v := .Input.body.labels }} {{ $k }}={{ $v | quote }}{{ end }}"
        + "{{ if eq (index .Input.headers \"X-GitHub-Event\" 0) \"push\" }} push{{ end }}");
    payload = Json.parse(PAYLOAD.getBytes(StandardCharsets.UTF_8));
  }

  @Benchmark
  public String pipeUpper() {
    return simple.execute(payload);
  }

  @Benchmark
  public String rangeAndIf() {
    return ranged.execute(payload);
  }

  @Benchmark
  public Template parseOnly() {
    return Template.parse("data", "{{ .Input.body.message | upper }}");
  }
}
