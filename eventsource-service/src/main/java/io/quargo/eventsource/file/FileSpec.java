package io.quargo.eventsource.file;

import io.quargo.eventsource.webhook.EventFilter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of {@code spec.file}, parsed.
 *
 * @param path      {@code watchPathConfig.path}: the one file name to report, or null
 * @param pathRegexp {@code watchPathConfig.pathRegexp}: names to report (matched anywhere in the name, as Go's
 *                  {@code MatchString}), or null
 * @param polling   {@code polling}: rescan often instead of relying on filesystem notifications
 */
public record FileSpec(String namespace, String eventSource, String eventName, String specPath, FileOp eventType,
    Path directory, String path, Pattern pathRegexp, boolean polling, Map<String, String> metadata,
    EventFilter filter) {

  /** Whether a change to {@code name} (relative to the directory) is one this entry reports. */
  public boolean watches(String name) {
    if (path != null) {
      return path.equals(name);
    }
    return pathRegexp.matcher(name).find();
  }

  public FileSpec withNamespace(String value) {
    return new FileSpec(value, eventSource, eventName, specPath, eventType, directory, path, pathRegexp, polling,
        metadata, filter);
  }

  public FileSpec withDirectory(Path value) {
    return new FileSpec(namespace, eventSource, eventName, specPath, eventType, value, path, pathRegexp, polling,
        metadata, filter);
  }
}
