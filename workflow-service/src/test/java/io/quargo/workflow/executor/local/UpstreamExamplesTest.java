package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.Json;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every container and script template of the upstream examples that expectations.tsv expects to run
 * (Succeeded, Failed, Completes) runs on this host: its image is mapped, its programs exist, its paths resolve.
 * A node may fail on purpose (exit 1), but none may end in Error. The engine substitutes tags; here
 * {@code {{inputs.parameters.x}}} gets the template's own value or "1", and templates with other tags or long
 * sleeps (timeouts examples) are left out.
 */
class UpstreamExamplesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern INPUT = Pattern.compile("\\{\\{inputs\\.parameters\\.([A-Za-z0-9_-]+)}}");
  private static final Pattern LONG_SLEEP = Pattern.compile("sleep[\" ,]+(\\d+)([smhd]?)");

  @TempDir
  Path root;

  @Test
  void everyRunnableLeafTemplateRunsWithoutError() throws Exception {
    Path compat = CompatFiles.dir().resolve("argo-workflows");
    assumeTrue(Files.isRegularFile(compat.resolve("expectations.tsv")), "no shared/compat corpus at " + compat);
    List<String> errors = new ArrayList<>();
    Map<String, RecordingListener> runs = new LinkedHashMap<>();
    try (LocalExecutor executor = new LocalExecutor(root)) {
      for (String line : Files.readAllLines(compat.resolve("expectations.tsv"))) {
        String[] cols = line.split("\t");
        if (cols.length < 4 || !List.of("Succeeded", "Failed", "Completes").contains(cols[3])) {
          continue;
        }
        for (ObjectNode template : leafTemplates(compat.resolve(cols[0]))) {
          // All at once, as a workflow's parallel nodes would run; also keeps the suite fast.
          runs.put(cols[0] + " template " + template.path("name").asText() + " #" + runs.size(),
              start(executor, template));
        }
      }
      runs.forEach((what, l) -> {
        ExecutionResult r = l.awaitResult();
        if (r.phase().equals("Error")) {
          errors.add(what + ": " + r.message());
        }
      });
    }
    assertThat(errors).isEmpty();
    assertThat(runs).as("leaf templates run").hasSizeGreaterThan(60);
  }

  private static RecordingListener start(LocalExecutor executor, ObjectNode template) {
    RecordingListener l = new RecordingListener();
    executor.start(new ExecutionTask("argo", "wf", "wf-" + System.nanoTime(), "wf", "wf-pod", template, true,
        Map.of()), l);
    return l;
  }

  private static List<ObjectNode> leafTemplates(Path file) throws Exception {
    List<ObjectNode> out = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
        JsonNode templates = doc.path("spec").path("templates");
        for (JsonNode t : templates) {
          if (t.has("container") || t.has("script")) {
            ObjectNode ready = substituteInputs((ObjectNode) t);
            if (ready != null) {
              out.add(ready);
            }
          }
        }
      }
    }
    return out;
  }

  /** The template with its input parameters filled in; null when other tags remain or it sleeps long. */
  private static ObjectNode substituteInputs(ObjectNode t) throws Exception {
    String json = Json.string(t);
    Matcher m = INPUT.matcher(json);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = "1";
      for (JsonNode p : t.path("inputs").path("parameters")) {
        if (p.path("name").asText().equals(m.group(1))) {
          value = p.path("value").asText(p.path("default").asText("1"));
        }
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
    }
    m.appendTail(sb);
    String filled = sb.toString();
    if (filled.contains("{{") || sleepsLong(filled)) {
      return null;
    }
    return (ObjectNode) Json.MAPPER.readTree(filled);
  }

  private static boolean sleepsLong(String json) {
    Matcher m = LONG_SLEEP.matcher(json);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n > 2 || m.group(2).equals("m") || m.group(2).equals("h") || m.group(2).equals("d")) {
        return true;
      }
    }
    return false;
  }
}

