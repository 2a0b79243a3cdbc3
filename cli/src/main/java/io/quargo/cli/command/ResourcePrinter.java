package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import io.quargo.cli.render.Output;
import io.quargo.cli.render.ResourceTable;
import io.quargo.cli.render.WorkflowList;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.List;

/** Prints objects of any kind in the -o form: a table by default, names, JSON or YAML. */
final class ResourcePrinter {
  private final Context ctx;
  private final String output;
  private final boolean headers;
  private final Instant now;

  ResourcePrinter(Context ctx, String output, boolean headers, Instant now) {
    this.ctx = ctx;
    this.output = output == null ? "" : output;
    this.headers = headers;
    this.now = now;
  }

  void list(Kind kind, List<JsonNode> items) {
    switch (output) {
      case "name" -> items.forEach(i -> ctx.out().println(i.path("metadata").path("name").asText()));
      case "json", "yaml" -> {
        ArrayNode array = Json.MAPPER.createArrayNode();
        items.forEach(array::add);
        ctx.out().print("json".equals(output) ? Output.json(array) : Output.yaml(array));
      }
      default -> {
        if (items.isEmpty()) {
          ctx.out().println("No " + kind.kind() + "s found");
        } else if (kind == Kind.WORKFLOW) {
          ctx.out().print(WorkflowList.render(items, "wide".equals(output), headers, now));
        } else {
          ctx.out().print(ResourceTable.render(kind.kind(), items, headers, now));
        }
      }
    }
  }

  void one(Kind kind, JsonNode item) {
    switch (output) {
      case "name" -> ctx.out().println(item.path("metadata").path("name").asText());
      case "json" -> ctx.out().print(Output.json(item));
      case "yaml" -> ctx.out().print(Output.yaml(item));
      default -> ctx.out().print(ResourceTable.render(kind.kind(), List.of(item), headers, now));
    }
  }
}
