package io.quargo.core.template;

import io.quargo.core.sprig.GoValues;
import io.quargo.core.template.Node.ListNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed Go text/template with sprig: parse once, execute many times, from any thread. Data may be
 * Java maps/lists/scalars or Jackson trees; JSON numbers are float64 as in Argo (Go's encoding/json).
 */
public final class Template {
  private final String name;
  private final Map<String, ListNode> trees;
  private final TemplateOptions options;

  private Template(String name, Map<String, ListNode> trees, TemplateOptions options) {
    this.name = name;
    this.trees = trees;
    this.options = options;
  }

  public static Template parse(String name, String text) {
    return parse(name, text, TemplateOptions.DEFAULT);
  }

  /** Parses; every failure is a {@link TemplateException} naming line, column and reason. */
  public static Template parse(String name, String text, TemplateOptions options) {
    Map<String, ListNode> trees = Parser.parse(name, text,
        f -> options.sprig().has(f) || Builtins.NAMES.contains(f));
    return new Template(name, Map.copyOf(trees), options);
  }

  public String name() {
    return name;
  }

  public Set<String> templateNames() {
    return new TreeSet<>(trees.keySet());
  }

  TemplateOptions options() {
    return options;
  }

  ListNode tree(String treeName) {
    return trees.get(treeName);
  }

  public String execute(Object data) {
    return execute(name, data);
  }

  /** Executes one of the defined templates; fails with a {@link TemplateException} only. */
  public String execute(String templateName, Object data) {
    ListNode root = trees.get(templateName);
    if (root == null) {
      throw TemplateException.plain(name, "no template \"" + templateName + "\" associated with template \"" + name + "\"");
    }
    Object dot;
    try {
      dot = GoValues.normalize(data);
    } catch (IllegalArgumentException e) {
      throw TemplateException.plain(name, e.getMessage());
    }
    if (dot == null) dot = Executor.MISSING;
    Executor ex = new Executor(this, templateName);
    ex.push("$", dot);
    try {
      ex.walk(dot, root);
    } catch (StackOverflowError e) {
      // Depth limits should make this unreachable; it stays a template error if they do not.
      throw TemplateException.plain(name, "execution nested too deeply");
    }
    return ex.out.toString();
  }
}
