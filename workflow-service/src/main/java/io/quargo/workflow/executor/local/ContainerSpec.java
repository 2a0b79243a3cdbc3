package io.quargo.workflow.executor.local;

import java.util.List;
import java.util.Map;

/**
 * One container of a leaf template as the local executor reads it: the template's {@code container}, its
 * {@code script} (with {@code source}), or one entry of {@code containerSet.containers}.
 *
 * @param name         {@code main} for container and script templates; the entry's name in a containerSet
 * @param image        the image reference, used only to look up a default command
 * @param command      {@code command}, null when not set (the image map then decides)
 * @param args         {@code args}, null when not set
 * @param env          {@code env} resolved to values, in declaration order (later entries win)
 * @param workingDir   {@code workingDir} as written (absolute), or null
 * @param mountPaths   {@code volumeMounts[].mountPath} to volume name
 * @param source       {@code script.source}, null for a container
 * @param dependencies containerSet {@code dependencies}: names of containers that must succeed first
 * @param where        the JSON path of this container in the template, for messages
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    String workingDir,
    Map<String, String> mountPaths,
    String source,
    List<String> dependencies,
    String where) {

  public boolean isScript() {
    return source != null;
  }
}
