package io.quargo.core.expr;

import io.quargo.core.expr.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pratt parser for expr-lang. Binary operators use {@link BinaryOp} precedence; the ternary and
 * pipes sit below them; postfix member/index/slice/call chains bind tightest. Nesting is bounded by
 * {@link ExprOptions#maxDepth()} both in parser recursion and in the height of the tree built.
 */
final class Parser {
  private final List<Token> tokens;
  private final ExprOptions options;
  private final Calls calls;
  private final List<String> letNames = new ArrayList<>();
  private final List<Integer> letSlotsInScope = new ArrayList<>();
  /** Variable paths the expression reads, e.g. "steps.a-b.outputs.result". */
  final Set<String> references = new LinkedHashSet<>();
  private int pos;
  private int depth;
  private int predicateDepth;
  int letSlots;

  Parser(String source, ExprOptions options) {
    this.tokens = Lexer.lex(source, options.maxTokens());
    this.options = options;
    this.calls = new Calls(this, options.functions());
  }

  Node parseProgram() {
    Node root = parseSequence();
    if (cur().kind() != Kind.EOF) {
      throw unexpected(cur());
    }
    return root;
  }

  /** {@code let x = v; body} or a plain expression. */
  Node parseSequence() {
    Token t = cur();
    if (!t.isWord("let") || peek(1).kind() != Kind.IDENT || !peek(2).isOp("=")) {
      return parseConditional();
    }
    enter(t);
    advance();
    String name = advance().text();
    advance();
    Node value = parseConditional();
    expectOp(";");
    int slot = letSlots++;
    letNames.add(name);
    letSlotsInScope.add(slot);
    Node body = parseSequence();
    letNames.remove(letNames.size() - 1);
    letSlotsInScope.remove(letSlotsInScope.size() - 1);
    leave();
    return checked(new LiteralNodes.Let(t, slot, value, body));
  }

  /** {@code cond ? a : b}, right-associative, below every binary operator and pipes. */
  Node parseConditional() {
    Node node = parseBinary(0);
    if (cur().isOp("?")) {
      Token q = advance();
      Node then = parseConditional();
      expectOp(":");
      Node otherwise = parseConditional();
      node = checked(new OperatorNodes.Conditional(q, node, then, otherwise));
    }
    return node;
  }

  Node parseBinary(int minPrecedence) {
    enter(cur());
    Node left = parseUnary();
    while (true) {
      Token t = cur();
      if (minPrecedence == 0 && t.isOp("|")) {
        advance();
        left = checked(calls.pipe(left));
        continue;
      }
      boolean negated = t.isWord("not") && BinaryOp.of(peek(1)) != null && BinaryOp.of(peek(1)).negatable()
          && peek(1).kind() == Kind.IDENT;
      BinaryOp op = negated ? BinaryOp.of(peek(1)) : BinaryOp.of(t);
      if (op == null || op.precedence < minPrecedence) {
        break;
      }
      advance();
      if (negated) {
        advance();
      }
      Node right = parseBinary(op.rightAssociative() ? op.precedence : op.precedence + 1);
      left = checked(binary(t, op, negated, left, right));
    }
    leave();
    return left;
  }

  private static Node binary(Token t, BinaryOp op, boolean negated, Node left, Node right) {
    switch (op) {
      case AND: return new OperatorNodes.Logical(t, true, left, right);
      case OR: return new OperatorNodes.Logical(t, false, left, right);
      case COALESCE:
        Node safe = left.nilSafe();
        if (safe != left && !(safe instanceof AccessNodes.Chain)) {
          safe = new AccessNodes.Chain(safe);
        }
        return new OperatorNodes.Coalesce(t, safe, right);
      default: return new OperatorNodes.Binary(t, op, negated, left, right);
    }
  }

  private Node parseUnary() {
    Token t = cur();
    if (t.isOp("!") || t.isWord("not")) {
      advance();
      return checked(new OperatorNodes.Not(t, parseBinary(50)));
    }
    if (t.isOp("-") || t.isOp("+")) {
      advance();
      Node operand = parseBinary(90);
      if (operand instanceof LiteralNodes.Const c && Values.isNumber(c.value)) {
        return t.isOp("+") ? c : new LiteralNodes.Const(t, Operators.negate(c.value));
      }
      return checked(new OperatorNodes.Negate(t, operand, t.isOp("-")));
    }
    return parsePostfix(parsePrimary());
  }

  private Node parsePrimary() {
    Token t = cur();
    switch (t.kind()) {
      case INT: case FLOAT: case STRING:
        advance();
        return new LiteralNodes.Const(t, t.value());
      case POINTER:
        return pointer(advance());
      case IDENT:
        return identifier(t);
      case OPERATOR:
        return punctuation(t);
      default:
        throw unexpected(t);
    }
  }

  private Node pointer(Token t) {
    if (predicateDepth == 0) {
      throw t.error("cannot use pointer accessor outside predicate");
    }
    String name = (String) t.value();
    if (!name.isEmpty() && !name.equals("index") && !name.equals("acc")) {
      throw t.error("unknown pointer " + t.text());
    }
    return new AccessNodes.Pointer(t, name);
  }

  private Node identifier(Token t) {
    switch (t.text()) {
      case "true": advance(); return new LiteralNodes.Const(t, Boolean.TRUE);
      case "false": advance(); return new LiteralNodes.Const(t, Boolean.FALSE);
      case "nil": advance(); return new LiteralNodes.Const(t, null);
      case "$env": advance(); return new AccessNodes.EnvRef(t);
      default: break;
    }
    if (isKeyword(t.text())) {
      throw unexpected(t);
    }
    advance();
    if (cur().isOp("(")) {
      return checked(calls.call(t, t.text(), null, null));
    }
    for (int i = letNames.size() - 1; i >= 0; i--) {
      if (letNames.get(i).equals(t.text())) {
        return new LiteralNodes.LetRef(t, letSlotsInScope.get(i));
      }
    }
    return new AccessNodes.Ident(t, t.text(), false);
  }

  static boolean isKeyword(String s) {
    switch (s) {
      case "and": case "or": case "not": case "in": case "matches": case "contains":
      case "startsWith": case "endsWith": case "let":
        return true;
      default:
        return false;
    }
  }

  private Node punctuation(Token t) {
    switch (t.text()) {
      case "(":
        advance();
        Node inner = parseSequence();
        expectOp(")");
        return inner;
      case "[":
        return Literals.array(this, advance());
      case "{":
        return Literals.map(this, advance());
      case ".":
        // `.Name` inside a predicate is shorthand for `#.Name`.
        if (predicateDepth > 0 && peek(1).kind() == Kind.IDENT) {
          advance();
          Token name = advance();
          return new AccessNodes.Member(t, new AccessNodes.Pointer(t, ""), name.text(), false);
        }
        throw unexpected(t);
      default:
        throw unexpected(t);
    }
  }

  private Node parsePostfix(Node node) {
    boolean optional = false;
    while (true) {
      Token t = cur();
      if (t.isOp(".") || t.isOp("?.")) {
        advance();
        boolean opt = t.isOp("?.");
        optional |= opt;
        if (opt && cur().isOp("[")) {
          node = index(advance(), node, true);
          continue;
        }
        Token name = cur();
        if (name.kind() != Kind.IDENT) {
          throw unexpected(name);
        }
        advance();
        if (cur().isOp("(")) {
          String receiverPath = References.path(node);
          node = calls.call(name, name.text(), opt ? new AccessNodes.NilGuard(node) : node, null);
          // sprig.x(...) names a registry function, not a variable.
          if (receiverPath != null && !(node instanceof CallNodes.RegistryCall)) {
            references.add(receiverPath);
          }
        } else {
          node = new AccessNodes.Member(name, node, name.text(), opt);
        }
      } else if (t.isOp("[")) {
        node = index(advance(), node, false);
      } else {
        break;
      }
      checked(node);
    }
    String path = References.path(node);
    if (path != null) {
      references.add(path);
    }
    return optional ? checked(new AccessNodes.Chain(node)) : node;
  }

  private Node index(Token t, Node object, boolean optional) {
    Node from = null;
    if (!cur().isOp(":")) {
      from = parseConditional();
      if (!cur().isOp(":")) {
        expectOp("]");
        return new AccessNodes.Index(t, object, from, optional);
      }
    }
    advance();
    Node to = cur().isOp("]") ? null : parseConditional();
    expectOp("]");
    return new AccessNodes.Slice(t, object, from, to);
  }

  /** A predicate argument: {@code {# > 1}} or, braces omitted, {@code # > 1}. */
  Node parsePredicate() {
    predicateDepth++;
    Node body;
    if (cur().isOp("{")) {
      advance();
      body = parseConditional();
      expectOp("}");
    } else {
      body = parseConditional();
    }
    predicateDepth--;
    return body;
  }

  // ---- token plumbing ----

  Token cur() {
    return tokens.get(pos);
  }

  Token peek(int n) {
    return tokens.get(Math.min(pos + n, tokens.size() - 1));
  }

  Token advance() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  Token expectOp(String op) {
    if (!cur().isOp(op)) {
      throw unexpected(cur());
    }
    return advance();
  }

  ExprException unexpected(Token t) {
    return t.kind() == Kind.EOF ? t.error("unexpected end of expression") : t.error("unexpected " + t.describe());
  }

  private void enter(Token at) {
    if (++depth > options.maxDepth()) {
      throw at.error("expression nested too deeply (limit " + options.maxDepth() + ")");
    }
  }

  private void leave() {
    depth--;
  }

  /**
   * Trees may be taller than the nesting limit (a flat chain of 300 {@code ||} is fine), but not
   * unboundedly: evaluation recurses once per level.
   */
  Node checked(Node n) {
    if (n.height > 4 * options.maxDepth()) {
      throw n.error("expression nested too deeply (limit " + options.maxDepth() + ")");
    }
    return n;
  }
}
