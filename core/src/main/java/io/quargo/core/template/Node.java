package io.quargo.core.template;

import java.util.List;

/** The immutable parse tree. toString() gives Go's canonical form, used in error contexts. */
sealed interface Node {
  Position pos();

  record ListNode(Position pos, List<Node> nodes) implements Node {}

  record TextNode(Position pos, String text) implements Node {}

  record ActionNode(Position pos, PipeNode pipe) implements Node {
    @Override public String toString() { return "{{" + pipe + "}}"; }
  }

  /** if / with / range share a shape; elseList may be null. */
  record BranchNode(Position pos, Kind kind, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    enum Kind { IF, WITH, RANGE }
  }

  record TemplateNode(Position pos, String name, PipeNode pipe) implements Node {
    @Override public String toString() {
      return "{{template " + io.quargo.core.sprig.GoPrint.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
    }
  }

  record BreakNode(Position pos) implements Node {
    @Override public String toString() { return "{{break}}"; }
  }

  record ContinueNode(Position pos) implements Node {
    @Override public String toString() { return "{{continue}}"; }
  }

  /** decl are variable names ("$x"); assign is "=" rather than ":=". */
  record PipeNode(Position pos, List<String> decl, boolean assign, List<CommandNode> commands) implements Node {
    @Override public String toString() {
      StringBuilder b = new StringBuilder();
      if (!decl.isEmpty()) b.append(String.join(", ", decl)).append(assign ? " = " : " := ");
      for (int i = 0; i < commands.size(); i++) {
        if (i > 0) b.append(" | ");
        b.append(commands.get(i));
      }
      return b.toString();
    }
  }

  record CommandNode(Position pos, List<Node> args) implements Node {
    @Override public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) b.append(' ');
        Node a = args.get(i);
        b.append(a instanceof PipeNode ? "(" + a + ")" : a.toString());
      }
      return b.toString();
    }
  }

  record FieldNode(Position pos, List<String> idents) implements Node {
    @Override public String toString() { return "." + String.join(".", idents); }
  }

  /** $x.a.b: idents[0] is the variable name including '$'. */
  record VariableNode(Position pos, List<String> idents) implements Node {
    @Override public String toString() { return String.join(".", idents); }
  }

  record ChainNode(Position pos, Node node, List<String> fields) implements Node {
    @Override public String toString() {
      String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
      return s + "." + String.join(".", fields);
    }
  }

  record IdentifierNode(Position pos, String name) implements Node {
    @Override public String toString() { return name; }
  }

  record DotNode(Position pos) implements Node {
    @Override public String toString() { return "."; }
  }

  record NilNode(Position pos) implements Node {
    @Override public String toString() { return "nil"; }
  }

  record BoolNode(Position pos, boolean value) implements Node {
    @Override public String toString() { return Boolean.toString(value); }
  }

  /** value is a Long or a Double, chosen as Go's idealConstant does for an interface{} argument. */
  record NumberNode(Position pos, String text, Object value) implements Node {
    @Override public String toString() { return text; }
  }

  record StringNode(Position pos, String quoted, String value) implements Node {
    @Override public String toString() { return quoted; }
  }
}
