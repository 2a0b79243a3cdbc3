package io.quargo.workflow.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which artifact locations standalone mode handles: inputs from {@code raw}, {@code http.url}, {@code from} and
 * key-only {@code s3} (Argo's "use the default repository with this key"); outputs to the default repository
 * only. Any other location is refused when the workflow is submitted, naming the artifact by its JSON path.
 */
public final class Locations {
  private static final List<String> ELSEWHERE = List.of("s3", "git", "gcs", "oss", "hdfs", "artifactory",
      "azure", "plugin", "http");

  private Locations() {}

  /** The first artifact of the spec standalone mode cannot fetch or save, as an error message; null if none. */
  public static String unsupported(JsonNode spec) {
    String found = inList(spec.path("arguments").path("artifacts"), "spec.arguments.artifacts", true);
    JsonNode templates = spec.path("templates");
    for (int i = 0; i < templates.size() && found == null; i++) {
      JsonNode t = templates.get(i);
      String at = "spec.templates[" + i + "]";
      found = inList(t.path("inputs").path("artifacts"), at + ".inputs.artifacts", true);
      found = found != null ? found : inList(t.path("outputs").path("artifacts"), at + ".outputs.artifacts", false);
      found = found != null ? found : inCalls(t.path("steps"), at + ".steps");
      JsonNode tasks = t.path("dag").path("tasks");
      for (int k = 0; k < tasks.size() && found == null; k++) {
        found = inList(tasks.get(k).path("arguments").path("artifacts"),
            at + ".dag.tasks[" + k + "].arguments.artifacts", true);
      }
    }
    return found;
  }

  private static String inCalls(JsonNode groups, String at) {
    for (int g = 0; g < groups.size(); g++) {
      JsonNode group = groups.get(g);
      for (int k = 0; k < group.size(); k++) {
        String found = inList(group.get(k).path("arguments").path("artifacts"),
            at + "[" + g + "][" + k + "].arguments.artifacts", true);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String inList(JsonNode artifacts, String at, boolean input) {
    for (int i = 0; i < artifacts.size(); i++) {
      JsonNode a = artifacts.get(i);
      for (String location : ELSEWHERE) {
        JsonNode l = a.get(location);
        if (l == null || (location.equals("s3") && l.size() == 1 && l.has("key"))
            || (location.equals("http") && input)) {
          continue;
        }
        return at + "[" + i + "]." + location + " (artifact '" + a.path("name").asText() + "'): "
            + (input ? "standalone mode fetches input artifacts only from raw, http.url, from: (another step's "
            + "output) or a key-only s3 location" : "standalone mode saves output artifacts only to its own "
            + "artifact repository") + "; remove the " + location + " location (key-only s3: {key: ...} is kept) "
            + "or run in cluster mode";
      }
    }
    return null;
  }
}
