package io.quargo.core.template;

import io.quargo.core.sprig.GoNumbers;
import io.quargo.core.sprig.GoPrint;
import io.quargo.core.template.Node.CommandNode;
import io.quargo.core.template.Node.PipeNode;
import io.quargo.core.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Go's pipeline, command, operand and term productions, over a {@link Parser}'s token stream. */
final class PipelineParser {
  private final Parser p;

  PipelineParser(Parser p) {
    this.p = p;
  }

  PipeNode pipeline(String context, Kind end) {
    if (++p.depth > Parser.MAX_DEPTH) throw p.error(p.peek().pos(), "max expression depth exceeded");
    Position pos = p.peekNonSpace().pos();
    List<String> decl = new ArrayList<>();
    boolean assign = declarations(context, decl);
    List<CommandNode> commands = new ArrayList<>();
    while (true) {
      Token t = p.nextNonSpace();
      if (t.kind() == end) break;
      switch (t.kind()) {
        case BOOL: case CHAR_CONSTANT: case DOT: case FIELD: case IDENTIFIER: case NUMBER: case NIL:
        case RAW_STRING: case STRING: case VARIABLE: case LEFT_PAREN:
          p.at--;
          commands.add(command());
          break;
        default:
          throw p.unexpected(t, context);
      }
    }
    if (commands.isEmpty()) throw p.error(pos, "missing value for " + context);
    for (int i = 1; i < commands.size(); i++) {
      Node first = commands.get(i).args().get(0);
      if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
          || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
        throw p.error(first.pos(), "non executable command in pipeline stage " + (i + 1));
      }
    }
    p.depth--;
    return new PipeNode(pos, List.copyOf(decl), assign, List.copyOf(commands));
  }

  /** "$x :=", "$x =", and in range "$i, $v :="; otherwise rewinds. Returns whether it is "=". */
  private boolean declarations(String context, List<String> decl) {
    while (true) {
      int save = p.at;
      Token v = p.nextNonSpace();
      if (v.kind() != Kind.VARIABLE) {
        p.at = save;
        return false;
      }
      Token next = p.nextNonSpace();
      if (next.kind() == Kind.ASSIGN || next.kind() == Kind.DECLARE) {
        decl.add(v.text());
        p.vars.add(v.text());
        return next.kind() == Kind.ASSIGN;
      }
      if (next.kind() == Kind.COMMA) {
        decl.add(v.text());
        p.vars.add(v.text());
        if (context.equals("range") && decl.size() < 2) {
          Kind k = p.peekNonSpace().kind();
          if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) continue;
          throw p.error(next.pos(), "range can only initialize variables");
        }
        throw p.error(next.pos(), "too many declarations in " + context);
      }
      p.at = save;
      if (!decl.isEmpty()) throw p.error(v.pos(), "missing := after " + v.text());
      return false;
    }
  }

  private CommandNode command() {
    Position pos = p.peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      p.peekNonSpace();
      while (p.peek().kind() == Kind.SPACE) p.next();
      Node operand = operand();
      if (operand != null) args.add(operand);
      Token t = p.next();
      if (t.kind() == Kind.SPACE) continue;
      if (t.kind() == Kind.RIGHT_DELIM || t.kind() == Kind.RIGHT_PAREN) {
        p.at--;
      } else if (t.kind() != Kind.PIPE) {
        throw p.unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) throw p.error(pos, "empty command");
    return new CommandNode(pos, List.copyOf(args));
  }

  private Node operand() {
    Node node = term();
    if (node == null || p.peek().kind() != Kind.FIELD) return node;
    List<String> fields = new ArrayList<>();
    while (p.peek().kind() == Kind.FIELD) fields.add(p.next().text().substring(1));
    if (node instanceof Node.FieldNode f) {
      List<String> all = new ArrayList<>(f.idents());
      all.addAll(fields);
      return new Node.FieldNode(f.pos(), List.copyOf(all));
    }
    if (node instanceof Node.VariableNode v) {
      List<String> all = new ArrayList<>(v.idents());
      all.addAll(fields);
      return new Node.VariableNode(v.pos(), List.copyOf(all));
    }
    if (node instanceof Node.BoolNode || node instanceof Node.StringNode || node instanceof Node.NumberNode
        || node instanceof Node.NilNode || node instanceof Node.DotNode) {
      throw p.error(node.pos(), "unexpected . after term " + GoPrint.quote(node.toString()));
    }
    return new Node.ChainNode(node.pos(), node, List.copyOf(fields));
  }

  private Node term() {
    int save = p.at;
    Token t = p.nextNonSpace();
    switch (t.kind()) {
      case IDENTIFIER:
        if (!p.isFunction.test(t.text())) throw p.error(t.pos(), "function " + GoPrint.quote(t.text()) + " not defined");
        return new Node.IdentifierNode(t.pos(), t.text());
      case DOT: return new Node.DotNode(t.pos());
      case NIL: return new Node.NilNode(t.pos());
      case VARIABLE:
        if (!p.vars.contains(t.text())) throw p.error(t.pos(), "undefined variable " + GoPrint.quote(t.text()));
        return new Node.VariableNode(t.pos(), List.of(t.text()));
      case FIELD: return new Node.FieldNode(t.pos(), List.of(t.text().substring(1)));
      case BOOL: return new Node.BoolNode(t.pos(), t.text().equals("true"));
      case CHAR_CONSTANT: case NUMBER: return number(t);
      case LEFT_PAREN: return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
      case STRING: case RAW_STRING: return new Node.StringNode(t.pos(), t.text(), p.unquote(t));
      default:
        p.at = save;
        return null;
    }
  }

  /** Go's NumberNode reduced to the value idealConstant would pick: float if written as one, else int. */
  private Node number(Token t) {
    String text = t.text();
    if (t.kind() == Kind.CHAR_CONSTANT) {
      int r = Unquote.rune(text);
      if (r < 0) throw p.error(t.pos(), "malformed character constant: " + text);
      return new Node.NumberNode(t.pos(), text, (long) r);
    }
    Long asInt = GoNumbers.parseInt(text, 0);
    boolean floatText = text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0) && !isHexInt(text);
    if (asInt != null && !floatText) return new Node.NumberNode(t.pos(), text, asInt);
    if (asInt == null && !floatText && isUnsigned64(text)) {
      throw p.error(t.pos(), text + " overflows int");
    }
    Double f = GoNumbers.parseFloat(text);
    if (f != null && !f.isNaN() && !f.isInfinite() && !text.matches("[+-]?[a-zA-Z].*")) {
      if (!floatText) throw p.error(t.pos(), "integer overflow: " + GoPrint.quote(text));
      return new Node.NumberNode(t.pos(), text, f);
    }
    throw p.error(t.pos(), "illegal number syntax: " + GoPrint.quote(text));
  }

  private static boolean isHexInt(String s) {
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    return u.length() > 2 && u.charAt(0) == '0' && (u.charAt(1) == 'x' || u.charAt(1) == 'X')
        && u.indexOf('p') < 0 && u.indexOf('P') < 0;
  }

  private static boolean isUnsigned64(String text) {
    try {
      return !text.startsWith("-") && new java.math.BigInteger(text.replace("_", "").replace("+", "")).bitLength() <= 64;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
