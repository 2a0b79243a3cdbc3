package io.quargo.workflow.executor.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A host process ready to start: the argv with container paths already rewritten and the program resolved
 * against the node's PATH, its whole environment, and its working directory.
 */
public record Launch(String containerName, List<String> argv, Map<String, String> env, Path cwd) {
  public Launch {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }
}
