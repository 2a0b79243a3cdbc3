package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Predicate;

/** The STEP/TEMPLATE/PODNAME/DURATION/MESSAGE table of argo get and argo watch. */
final class TreeView {
  private final JsonNode workflow;
  private final NodeTree tree;
  private final Table table;
  private final Instant now;
  private final Predicate<JsonNode> shown;

  private TreeView(JsonNode workflow, boolean colour, Instant now, Predicate<JsonNode> shown) {
    this.workflow = workflow;
    this.tree = new NodeTree(workflow.path("status").path("nodes"), workflowName());
    this.table = new Table(colour);
    this.now = now;
    this.shown = shown;
  }

  /** The table, or "" when the workflow has no nodes yet. */
  static String render(JsonNode workflow, boolean colour, Instant now, Predicate<JsonNode> shown) {
    TreeView view = new TreeView(workflow, colour, now, shown);
    if (view.tree.roots().isEmpty()) {
      return "";
    }
    view.table.row("STEP", "TEMPLATE", "PODNAME", "DURATION", "MESSAGE");
    for (String root : view.tree.roots()) {
      view.renderNode(root, " ", " ");
    }
    return view.table.render();
  }

  private String workflowName() {
    return workflow.path("metadata").path("name").asText();
  }

  private void renderNode(String id, String nodePrefix, String childPrefix) {
    boolean grouped = tree.hidden(id) && tree.groupsChildren(id);
    // nodes argo hides (step groups, single retries) and nodes the filters leave out: children take their place
    boolean hidden = tree.hidden(id) || !shown.test(tree.node(id));
    if (!hidden) {
      row(tree.node(id), nodePrefix);
    }
    var kids = tree.children(id);
    int max = kids.size() - 1;
    for (int i = 0; i <= max; i++) {
      String part;
      String subPart;
      if (grouped) {
        part = max == 0 ? "──" : i == 0 ? "┬─" : i == max ? "└─" : "├─";
        subPart = i == max ? "  " : "│ ";
      } else if (hidden) {
        part = "";
        subPart = "";
      } else {
        part = i == max ? "└─" : "├─";
        subPart = i == max ? "  " : "│ ";
      }
      String childNodePrefix = (hidden && i == 0 ? nodePrefix : childPrefix) + part;
      renderNode(kids.get(i), childNodePrefix, childPrefix + subPart);
    }
  }

  private void row(JsonNode n, String prefix) {
    String phase = n.path("phase").asText("Pending");
    boolean suspended = "Suspend".equals(n.path("type").asText()) && "Running".equals(phase);
    String icon = suspended ? "ǁ" : PhaseStyle.icon(phase);
    String name = prefix + icon + " " + n.path("displayName").asText(n.path("name").asText());
    boolean pod = "Pod".equals(n.path("type").asText());
    String duration = pod ? Durations.shortForm(Durations.between(
        Durations.time(n.get("startedAt")), Durations.time(n.get("finishedAt")), now)) : "";
    table.phaseRow(suspended ? null : phase, name, template(n), pod ? podName(n) : "", duration,
        n.path("message").asText(""));
  }

  static String template(JsonNode n) {
    JsonNode ref = n.path("templateRef");
    if (ref.isObject()) {
      return ref.path("name").asText() + "/" + ref.path("template").asText();
    }
    return n.path("templateName").asText("");
  }

  /**
   * argo's pod name: v2 (the default) is "{workflow}-{template}-{hash}" where the hash is the one in
   * the node ID; v1, or a node without a template name, is the node ID itself.
   */
  private String podName(JsonNode n) {
    String id = n.path("id").asText();
    String format = workflow.path("metadata").path("annotations")
        .path("workflows.argoproj.io/pod-name-format").asText("v2");
    String template = n.path("templateName").asText("");
    if (template.isEmpty() && n.path("templateRef").isObject()) {
      template = n.path("templateRef").path("template").asText("");
    }
    int dash = id.lastIndexOf('-');
    if ("v1".equals(format) || template.isEmpty() || dash < 0 || id.equals(workflowName())) {
      return id;
    }
    String prefix = workflowName() + "-" + template;
    if (prefix.length() > 242) {
      prefix = prefix.substring(0, 242);
    }
    return prefix + "-" + id.substring(dash + 1);
  }
}
