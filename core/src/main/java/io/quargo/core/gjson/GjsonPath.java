package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A compiled gjson path as Argo Events uses on event data: {@code body.a.b}, {@code body.items.#},
 * {@code body.items.#.name}, {@code body.items.0}, {@code \.} escapes, {@code *}/{@code ?} key wildcards,
 * {@code #(name=="x")} queries, {@code |} pipes and the {@code @this}, {@code @reverse}, {@code @keys},
 * {@code @values}, {@code @flatten} modifiers. Compile once, apply to many documents; thread-safe.
 */
public final class GjsonPath {
  private final String source;
  private final List<List<Component>> stages;

  GjsonPath(String source, List<List<Component>> stages) {
    this.source = source;
    this.stages = stages;
  }

  /** @throws GjsonPathException for malformed queries (gjson would silently match nothing) */
  public static GjsonPath compile(String path) {
    if (path.isEmpty()) {
      return new GjsonPath(path, List.of());
    }
    return new GjsonPath(path, GjsonParser.parse(path));
  }

  /** Shorthand for {@code compile(path).get(json)}. */
  public static GjsonResult get(JsonNode json, String path) {
    return compile(path).get(json);
  }

  public String source() {
    return source;
  }

  public GjsonResult get(JsonNode json) {
    if (stages.isEmpty() || json == null) {
      return GjsonResult.NONE;
    }
    JsonNode current = json;
    for (List<Component> stage : stages) {
      current = GjsonEvaluator.stage(stage, 0, current);
      if (current == null) {
        return GjsonResult.NONE;
      }
    }
    return new GjsonResult(current);
  }

  @Override
  public String toString() {
    return source;
  }
}
