package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.workflow.executor.ExecutionTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds executor tasks from a template written as YAML, the way users write them. */
final class Tasks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Tasks() {}

  static ObjectNode template(String yaml) {
    try {
      return (ObjectNode) YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExecutionTask task(String yaml) {
    return task(yaml, false, Map.of());
  }

  static ExecutionTask task(String yaml, boolean captureResult, Map<String, Path> inputArtifacts) {
    int n = SEQ.incrementAndGet();
    return new ExecutionTask("argo", "wf", "wf-" + n, "wf.step" + n, "wf-main-" + n, template(yaml),
        captureResult, inputArtifacts);
  }
}
