package io.quargo.core.govaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser with govaluate's precedence, lowest first: {@code ,} then {@code ? : ??} then
 * {@code ||}, {@code &&}, comparators (incl. {@code in}), {@code & | ^}, {@code << >>}, {@code + -},
 * {@code * / %}, {@code **}, prefix {@code - ! ~}. Same-precedence operators associate left, as govaluate
 * ends up doing after its stage re-ordering.
 */
final class GovaluateParser {
  /** Deep enough for any real expression; stops stack exhaustion on hostile input. */
  static final int MAX_DEPTH = 200;
  static final int MAX_LIST = 10_000;

  private static final List<Set<String>> LEVELS = List.of(
      Set.of("?", ":", "??"),
      Set.of("||"),
      Set.of("&&"),
      Set.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"),
      Set.of("&", "|", "^"),
      Set.of("<<", ">>"),
      Set.of("+", "-"),
      Set.of("*", "/", "%"),
      Set.of("**"));

  private final String src;
  private final List<Token> tokens;
  private final GovaluateMode mode;
  private int pos;
  private int depth;
  private final Map<Node, Integer> depths = new IdentityHashMap<>();

  private GovaluateParser(String src, List<Token> tokens, GovaluateMode mode) {
    this.src = src;
    this.tokens = tokens;
    this.mode = mode;
  }

  static Node parse(String src, GovaluateMode mode) {
    List<Token> tokens = GovaluateLexer.lex(src);
    if (tokens.isEmpty()) {
      return new Node.Literal(null, 0);
    }
    GovaluateParser parser = new GovaluateParser(src, tokens, mode);
    Node node = parser.list();
    if (parser.pos < tokens.size()) {
      throw parser.unexpected(tokens.get(parser.pos));
    }
    return node;
  }

  private Node list() {
    Node first = level(0);
    if (!peekKind(TokenKind.SEPARATOR)) {
      return first;
    }
    List<Node> items = new ArrayList<>();
    items.add(first);
    int d = depthOf(first);
    while (peekKind(TokenKind.SEPARATOR)) {
      Token comma = tokens.get(pos++);
      Node item = level(0);
      items.add(item);
      d = Math.max(d, depthOf(item));
      if (items.size() > MAX_LIST) {
        throw new GovaluateException(src, comma.offset(), "list too long (more than " + MAX_LIST + " items)");
      }
    }
    return track(new Node.ListNode(List.copyOf(items), first.offset()), d + 1, tokens.get(pos - 1));
  }

  private Node level(int n) {
    if (n == LEVELS.size()) {
      return prefix();
    }
    Node left = level(n + 1);
    while (pos < tokens.size() && isBinary(tokens.get(pos), LEVELS.get(n))) {
      Token op = tokens.get(pos++);
      Node right = level(n + 1);
      // Evaluation recurses down the tree, so long left-leaning chains count as depth too.
      int d = Math.max(depthOf(left), depthOf(right)) + 1;
      left = track(new Node.Binary(op.text(), left, right, op.offset()), d, op);
    }
    return left;
  }

  private static boolean isBinary(Token t, Set<String> ops) {
    boolean operator = switch (t.kind()) {
      case MODIFIER, COMPARATOR, LOGICAL, TERNARY -> true;
      default -> false;
    };
    return operator && ops.contains(t.text());
  }

  private Node prefix() {
    if (peekKind(TokenKind.PREFIX)) {
      Token op = tokens.get(pos++);
      enter(op);
      Node operand = prefix();
      depth--;
      return track(new Node.Unary(op.text(), operand, op.offset()), depthOf(operand) + 1, op);
    }
    return value();
  }

  private Node value() {
    if (pos >= tokens.size()) {
      int end = tokens.isEmpty() ? 0 : src.length();
      throw new GovaluateException(src, end, "unexpected end of expression, expected a value");
    }
    Token t = tokens.get(pos++);
    switch (t.kind()) {
      case OPEN -> {
        enter(t);
        Node inner = list();
        depth--;
        if (!peekKind(TokenKind.CLOSE)) {
          throw new GovaluateException(src, t.offset(), "unbalanced parenthesis: '(' is never closed");
        }
        pos++;
        return inner;
      }
      case NUMBER, STRING, BOOLEAN, TIME -> {
        return new Node.Literal(t.value(), t.offset());
      }
      case VARIABLE -> {
        // Argo's `when` re-types every bare word as a string literal: `heads == heads` is true.
        return mode == GovaluateMode.BARE_WORDS_ARE_STRINGS
            ? new Node.Literal(t.value(), t.offset())
            : new Node.Variable(t.text(), t.offset());
      }
      case ACCESSOR -> {
        return new Node.Accessor(Arrays.asList((String[]) t.value()), t.offset());
      }
      default -> throw unexpected(t);
    }
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw new GovaluateException(src, t.offset(), "expression nested too deeply (more than " + MAX_DEPTH
          + " levels)");
    }
  }

  private Node track(Node node, int d, Token at) {
    if (d > MAX_DEPTH) {
      throw new GovaluateException(src, at.offset(), "expression nested too deeply (more than " + MAX_DEPTH
          + " levels)");
    }
    depths.put(node, d);
    return node;
  }

  private int depthOf(Node node) {
    return depths.getOrDefault(node, 1);
  }

  private boolean peekKind(TokenKind kind) {
    return pos < tokens.size() && tokens.get(pos).kind() == kind;
  }

  private GovaluateException unexpected(Token t) {
    if (t.kind() == TokenKind.CLOSE) {
      return new GovaluateException(src, t.offset(), "unbalanced parenthesis: unexpected ')'");
    }
    return new GovaluateException(src, t.offset(), "unexpected token " + t.describe());
  }
}
