package io.quargo.workflow.executor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * How a leaf node ended, as an executor reports it.
 *
 * @param phase            {@code Succeeded}, {@code Failed} (main exited non-zero, Argo's
 *                         {@code "Error (exit code N)"}) or {@code Error} (could not start, output collection
 *                         failed, killed)
 * @param message          Argo's node message, null when Succeeded
 * @param exitCode         the main container's exit code, null when it never ran
 * @param result           stdout with one trailing newline trimmed and only the last 256 kB kept; null unless
 *                         the task asked for it
 * @param outputParameters output parameters read from {@code valueFrom.path} (one trailing newline trimmed;
 *                         {@code valueFrom.default} when the file is missing); parameters with other sources
 *                         are the engine's
 * @param outputArtifacts  output artifacts saved by the executor to the artifact repository: name to the location
 *                         to record on the artifact, e.g. {@code {"nats": {"bucket": ..., "key": ...}}}
 * @param finishedAt       when the process ended
 */
public record ExecutionResult(
    String phase,
    String message,
    Integer exitCode,
    String result,
    Map<String, String> outputParameters,
    Map<String, ObjectNode> outputArtifacts,
    Instant finishedAt) {

  public ExecutionResult {
    outputParameters = Map.copyOf(outputParameters);
    outputArtifacts = Map.copyOf(outputArtifacts);
  }

  public static ExecutionResult error(String message, Instant at) {
    return new ExecutionResult("Error", message, null, null, Map.of(), Map.of(), at);
  }
}
