package io.quargo.core.expr;

import java.util.Map;

/** The binary operators with expr's precedence (higher binds tighter) and associativity. */
enum BinaryOp {
  OR("or", 10), AND("and", 15),
  EQ("==", 20), NE("!=", 20), LT("<", 20), GT(">", 20), LE("<=", 20), GE(">=", 20),
  IN("in", 20), MATCHES("matches", 20), CONTAINS("contains", 20),
  STARTS_WITH("startsWith", 20), ENDS_WITH("endsWith", 20),
  RANGE("..", 25),
  ADD("+", 30), SUB("-", 30),
  MUL("*", 60), DIV("/", 60), MOD("%", 60),
  POW("**", 100),
  COALESCE("??", 500);

  final String symbol;
  final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  boolean rightAssociative() {
    return this == POW;
  }

  /** Operators that may follow {@code not}: {@code a not in b}, {@code s not matches re}. */
  boolean negatable() {
    return this == IN || this == MATCHES || this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
  }

  private static final Map<String, BinaryOp> BY_TEXT = Map.ofEntries(
      Map.entry("or", OR), Map.entry("||", OR), Map.entry("and", AND), Map.entry("&&", AND),
      Map.entry("==", EQ), Map.entry("!=", NE), Map.entry("<", LT), Map.entry(">", GT),
      Map.entry("<=", LE), Map.entry(">=", GE), Map.entry("in", IN), Map.entry("matches", MATCHES),
      Map.entry("contains", CONTAINS), Map.entry("startsWith", STARTS_WITH),
      Map.entry("endsWith", ENDS_WITH), Map.entry("..", RANGE), Map.entry("+", ADD), Map.entry("-", SUB),
      Map.entry("*", MUL), Map.entry("/", DIV), Map.entry("%", MOD), Map.entry("**", POW),
      Map.entry("^", POW), Map.entry("??", COALESCE));

  /** The operator a token spells, or null; word operators only count when lexed as identifiers. */
  static BinaryOp of(Token t) {
    if (t.kind() != Token.Kind.OPERATOR && t.kind() != Token.Kind.IDENT) {
      return null;
    }
    return BY_TEXT.get(t.text());
  }
}
