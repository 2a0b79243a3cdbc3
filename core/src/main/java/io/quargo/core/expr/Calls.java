package io.quargo.core.expr;

import io.quargo.core.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Parses calls and pipes and decides what each call resolves to: builtin, predicate, registry, dynamic. */
final class Calls {
  private final Parser p;
  private final FunctionRegistry registry;

  Calls(Parser p, FunctionRegistry registry) {
    this.p = p;
    this.registry = registry;
  }

  /** {@code left | f(args)}: left becomes the first argument; {@code f} may be dotted (sprig.x). */
  Node pipe(Node left) {
    Token name = p.cur();
    if (name.kind() != Kind.IDENT || Parser.isKeyword(name.text())) {
      throw p.unexpected(name);
    }
    p.advance();
    String qualified = name.text();
    while (p.cur().isOp(".")) {
      p.advance();
      Token part = p.cur();
      if (part.kind() != Kind.IDENT) {
        throw p.unexpected(part);
      }
      p.advance();
      qualified = qualified + "." + part.text();
    }
    if (!p.cur().isOp("(")) {
      throw p.cur().error("expected a function call after '|'");
    }
    return call(name, qualified, null, left);
  }

  /**
   * The current token is the '(' after a function name. {@code receiver} is the object of a method
   * call {@code obj.name(...)}; {@code piped} the value fed in by a pipe.
   */
  Node call(Token at, String name, Node receiver, Node piped) {
    String qualified = receiver == null ? name : dotted(receiver, name);
    List<Node> args = arguments(receiver == null ? name : "", piped);
    if (receiver == null && PredicateCall.NAMES.contains(name) && !(name.equals("sum") && args.size() == 1)) {
      return predicate(at, name, args);
    }
    if (receiver == null) {
      Builtin b = Builtins.find(name);
      if (b != null) {
        if (args.size() < b.minArgs() || args.size() > b.maxArgs()) {
          throw at.error((args.size() < b.minArgs() ? "not enough" : "too many") + " arguments to call " + name);
        }
        return new CallNodes.BuiltinCall(at, b, args);
      }
    }
    ExprFunction f = qualified == null ? null : registry.find(qualified);
    if (f != null) {
      return new CallNodes.RegistryCall(at, qualified, f, args);
    }
    // The sprig namespace is the registry's: a miss there is a typo, not an environment lookup.
    if (qualified != null && qualified.contains(".") && (receiver == null || qualified.startsWith("sprig."))) {
      throw at.error("unknown func " + qualified);
    }
    return new CallNodes.DynamicCall(at, name, receiver, args);
  }

  private List<Node> arguments(String name, Node piped) {
    p.expectOp("(");
    List<Node> args = new ArrayList<>();
    if (piped != null) {
      args.add(piped);
    }
    while (!p.cur().isOp(")")) {
      boolean predicate = args.size() == 1 && PredicateCall.NAMES.contains(name);
      args.add(predicate ? p.parsePredicate() : p.parseConditional());
      if (!p.cur().isOp(",")) {
        break;
      }
      p.advance();
    }
    p.expectOp(")");
    return args;
  }

  private static Node predicate(Token at, String name, List<Node> args) {
    int max = name.equals("reduce") || name.equals("sortBy") ? 3 : 2;
    int min = name.equals("count") ? 1 : 2;
    if (args.size() < min || args.size() > max) {
      throw at.error((args.size() < min ? "not enough" : "too many") + " arguments to call " + name);
    }
    Node predicate = args.size() > 1 ? args.get(1) : null;
    Node extra = args.size() > 2 ? args.get(2) : null;
    return new PredicateCall(at, name, args.get(0), predicate, extra);
  }

  /** "a.b.name" when the receiver is a plain dotted identifier path, else null. */
  private static String dotted(Node receiver, String name) {
    StringBuilder sb = new StringBuilder(name);
    Node n = receiver;
    while (n instanceof AccessNodes.Member m) {
      sb.insert(0, m.name + ".");
      n = m.object;
    }
    if (!(n instanceof AccessNodes.Ident id)) {
      return null;
    }
    return sb.insert(0, id.name + ".").toString();
  }
}
