package io.quargo.workflow.executor.local;

import io.quargo.workflow.executor.ExecutionTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ContainerSpec} into a {@link Launch}: picks the argv the way a container runtime would (command,
 * else the image map's entrypoint; args, else its cmd), adds the script file for script templates, rewrites
 * container paths, resolves the program on the node's PATH (Java would search the executor's own PATH), and builds
 * a clean environment.
 */
final class LaunchPlanner {
  /** Where Argo's emissary writes {@code script.source}. */
  static final String SCRIPT_PATH = "/argo/staging/script";

  private final ImageMap images;
  private final Path binDir;
  private final String hostPath;

  LaunchPlanner(ImageMap images, Path binDir, String hostPath) {
    this.images = images;
    this.binDir = binDir;
    this.hostPath = hostPath;
  }

  Launch plan(ExecutionTask task, ContainerSpec c, NodeWorkspace ws, TemplateReader reader) throws TemplateError {
    ContainerPaths paths = ws.paths();
    List<String> argv = new ArrayList<>();
    for (String a : rawArgv(c, reader)) {
      argv.add(paths.rewrite(a));
    }
    if (argv.isEmpty()) {
      throw reader.error(c.where() + ": nothing to run (no command, no args, and the image map gives none for '"
          + c.image() + "')", "set " + c.where() + ".command");
    }
    Map<String, String> env = environment(task, c, ws);
    argv.set(0, resolveProgram(argv.get(0), env.get("PATH"), c, reader));
    Path cwd = c.workingDir() == null ? paths.fsRoot() : paths.hostPath(c.workingDir());
    return new Launch(c.name(), argv, env, cwd);
  }

  private List<String> rawArgv(ContainerSpec c, TemplateReader reader) throws TemplateError {
    List<String> argv = new ArrayList<>();
    if (c.command() != null && !c.command().isEmpty()) {
      argv.addAll(c.command());
      if (c.args() != null) {
        argv.addAll(c.args());
      }
    } else {
      ImageMap.Entry e = images.lookup(c.image()).orElseThrow(() -> reader.error(c.where() + ".command is not set "
          + "and image '" + c.image() + "' is not in the local executor's image map",
          "set " + c.where() + ".command, or add the image to the image map (see docs/local-executor.md)"));
      argv.addAll(e.entrypoint());
      if (c.isScript()) {
        // A script runs command + [file]; without a command the image's program runs it.
        argv.addAll(e.entrypoint().isEmpty() ? e.cmd() : List.of());
      } else {
        argv.addAll(c.args() != null ? c.args() : e.cmd());
      }
    }
    if (c.isScript()) {
      argv.add(SCRIPT_PATH);
    }
    return argv;
  }

  private Map<String, String> environment(ExecutionTask task, ContainerSpec c, NodeWorkspace ws) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", binDir + ":" + hostPath);
    env.put("HOME", ws.home().toString());
    env.put("TMPDIR", ws.paths().hostPath("/tmp").toString());
    env.put("HOSTNAME", task.podName());
    env.put("LANG", "C.UTF-8");
    env.put("ARGO_CONTAINER_NAME", c.name());
    env.put("ARGO_NODE_ID", task.nodeId());
    env.put("ARGO_INCLUDE_SCRIPT_OUTPUT", Boolean.toString(task.captureResult()));
    c.env().forEach((k, v) -> env.put(k, ws.paths().rewrite(v)));
    return env;
  }

  /**
   * A bare name is searched on the node's PATH; an absolute path that does not exist on the host (say
   * {@code /argosay} or {@code /usr/local/bin/python}) falls back to its file name on that PATH.
   */
  private String resolveProgram(String program, String path, ContainerSpec c, TemplateReader reader)
      throws TemplateError {
    if (program.contains("/")) {
      if (Files.isExecutable(Path.of(program)) || !program.startsWith("/")) {
        return program;
      }
      program = Path.of(program).getFileName().toString();
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate.toString();
      }
    }
    throw reader.error(c.where() + ": executable '" + program + "' not found on this host (PATH=" + path + ")",
        "install it on the host, use a command the host has, or map the image to one (docs/local-executor.md)");
  }
}
