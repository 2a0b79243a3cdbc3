package io.quargo.workflow.executor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One leaf node's work as the engine hands it to an executor, with every {@code {{ }}} tag already substituted.
 *
 * @param namespace      the workflow's namespace
 * @param workflowName   the workflow's name
 * @param nodeId         Argo's node id ({@code <wf>-<fnv32a(nodeName)>}); unique per attempt, so it names the
 *                       node's private working directory
 * @param nodeName       Argo's node name, e.g. {@code wf[0].step(1:a)(0)}
 * @param podName        the pod name Argo would give (POD_NAMES=v2), exposed as {@code pod.name} / hostname
 * @param template       the resolved template: exactly one of {@code container}, {@code script},
 *                       {@code containerSet}; plus {@code inputs} (parameters with their final {@code value};
 *                       artifacts with their location: {@code raw}, {@code http}, or the artifact repository's), {@code outputs}, {@code volumes}, {@code activeDeadlineSeconds}
 * @param captureResult  whether {@code outputs.result} is referenced, so stdout must be kept (last 256 kB)
 * @param inputArtifacts input artifacts given as local files: artifact name to a file or directory to place at
 *                       the artifact's {@code path}, before any location the template names (the engine passes
 *                       none: its artifacts live in the repository)
 */
public record ExecutionTask(
    String namespace,
    String workflowName,
    String nodeId,
    String nodeName,
    String podName,
    ObjectNode template,
    boolean captureResult,
    Map<String, java.nio.file.Path> inputArtifacts) {

  public ExecutionTask {
    inputArtifacts = Map.copyOf(inputArtifacts);
  }
}
