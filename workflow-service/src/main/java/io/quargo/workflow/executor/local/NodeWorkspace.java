package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.workflow.artifacts.ArtifactRepository;
import io.quargo.workflow.executor.ExecutionTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node's private directory {@code <root>/<namespace>/<nodeId>}: {@code fs/} holds every container path the
 * template names, {@code home/} is HOME, {@code <container>.log} the stored logs. Prepares the inputs (input
 * artifacts, the script file, volume mounts) before the process starts.
 */
final class NodeWorkspace {
  private final Path nodeDir;
  private final Path volumesDir;
  private final ContainerPaths paths;

  private NodeWorkspace(Path nodeDir, Path volumesDir, ContainerPaths paths) {
    this.nodeDir = nodeDir;
    this.volumesDir = volumesDir;
    this.paths = paths;
  }

  static Path nodeDir(Path root, String namespace, String nodeId) {
    return root.resolve(namespace).resolve(nodeId);
  }

  /** Collects every absolute path the template names, so each is mapped and rewritten. */
  static NodeWorkspace create(Path root, ExecutionTask task, List<ContainerSpec> containers) {
    Path dir = nodeDir(root, task.namespace(), task.nodeId()).toAbsolutePath().normalize();
    List<String> declared = new ArrayList<>();
    JsonNode t = task.template();
    t.path("outputs").path("parameters").forEach(p -> declared.add(p.path("valueFrom").path("path").asText(null)));
    t.path("inputs").path("artifacts").forEach(a -> declared.add(a.path("path").asText(null)));
    t.path("outputs").path("artifacts").forEach(a -> declared.add(a.path("path").asText(null)));
    for (ContainerSpec c : containers) {
      declared.addAll(c.mountPaths().keySet());
      declared.add(c.workingDir());
      if (c.isScript()) {
        declared.add(LaunchPlanner.SCRIPT_PATH);
      }
    }
    declared.removeIf(p -> p == null);
    Path volumes = root.resolve(".volumes").resolve(task.namespace()).resolve(task.workflowName());
    return new NodeWorkspace(dir, volumes, ContainerPaths.of(dir.resolve("fs"), declared));
  }

  ContainerPaths paths() {
    return paths;
  }

  Path nodeDir() {
    return nodeDir;
  }

  Path home() {
    return nodeDir.resolve("home");
  }

  Path logFile(String containerName) {
    return nodeDir.resolve(containerName + ".log");
  }

  /**
   * A fresh directory (a re-run after an engine restart starts clean), inputs in place.
   *
   * @throws TemplateError when an input cannot be placed; the message says which
   */
  void prepare(ExecutionTask task, List<ContainerSpec> containers, TemplateReader reader,
      ArtifactRepository artifacts) throws TemplateError, IOException {
    FileTrees.delete(nodeDir);
    Files.createDirectories(home());
    Files.createDirectories(paths.hostPath("/tmp"));
    for (ContainerSpec c : containers) {
      mountVolumes(task, c);
      if (c.workingDir() != null) {
        Files.createDirectories(paths.hostPath(c.workingDir()));
      }
      if (c.isScript()) {
        Path script = paths.hostPath(LaunchPlanner.SCRIPT_PATH);
        Files.createDirectories(script.getParent());
        Files.writeString(script, paths.rewrite(c.source()));
        // executable, as Argo's is: `command: [sh, -c]` runs the script path itself
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    new InputArtifacts(artifacts, paths, nodeDir.resolve("inputs"), reader)
        .place(task.template().path("inputs").path("artifacts"), task.inputArtifacts());
  }

  /**
   * An emptyDir the template declares is private to the node; any other volume (a workflow's
   * volumeClaimTemplates, a PVC) is one directory per workflow, linked in, so the workflow's nodes share it.
   */
  private void mountVolumes(ExecutionTask task, ContainerSpec c) throws IOException {
    for (Map.Entry<String, String> m : c.mountPaths().entrySet()) {
      Path at = paths.hostPath(m.getKey());
      if (Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Files.createDirectories(at.getParent());
      if (isTemplateEmptyDir(task, m.getValue())) {
        Files.createDirectories(at);
      } else {
        Path shared = volumesDir.resolve(m.getValue().isEmpty() ? "unnamed" : m.getValue());
        Files.createDirectories(shared);
        Files.createSymbolicLink(at, shared.toAbsolutePath());
      }
    }
  }

  private static boolean isTemplateEmptyDir(ExecutionTask task, String volume) {
    for (JsonNode v : task.template().path("volumes")) {
      if (volume.equals(v.path("name").asText()) && v.has("emptyDir")) {
        return true;
      }
    }
    return false;
  }
}
