package io.quargo.core.template;

import io.quargo.core.template.Node.BranchNode;
import io.quargo.core.template.Node.ListNode;
import io.quargo.core.template.Node.PipeNode;
import io.quargo.core.template.Node.TemplateNode;
import io.quargo.core.template.Node.TextNode;
import io.quargo.core.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Go's text/template/parse for control structures; pipelines and operands are in {@link PipelineParser}. */
final class Parser {
  static final int MAX_DEPTH = 200;

  final String name;
  final List<Token> tokens;
  final Predicate<String> isFunction;
  final Map<String, ListNode> trees;
  int at;
  List<String> vars = new ArrayList<>(List.of("$"));
  int rangeDepth;
  int depth;

  private Parser(String name, String text, Predicate<String> isFunction) {
    this.name = name;
    this.tokens = Lexer.lex(text);
    this.isFunction = isFunction;
    this.trees = new LinkedHashMap<>();
  }

  /** All trees of one source: the main one under {@code name}, plus every define and block. */
  static Map<String, ListNode> parse(String name, String text, Predicate<String> isFunction) {
    Parser p = new Parser(name, text, isFunction);
    ListNode root = p.parseTop();
    p.add(name, root, root.pos());
    return p.trees;
  }

  TemplateException error(Position pos, String reason) {
    return TemplateException.parse(name, pos, reason);
  }

  Token next() {
    Token t = tokens.get(at);
    if (at < tokens.size() - 1) at++;
    return t;
  }

  Token peek() {
    return tokens.get(at);
  }

  Token nextNonSpace() {
    Token t = next();
    while (t.kind() == Kind.SPACE) t = next();
    return t;
  }

  Token peekNonSpace() {
    int save = at;
    Token t = nextNonSpace();
    at = save;
    return t;
  }

  /** Go's unexpected(): a lexical error reads as itself. */
  TemplateException unexpected(Token t, String context) {
    if (t.kind() == Kind.ERROR) return error(t.pos(), t.text());
    return error(t.pos(), "unexpected " + t.describe() + " in " + context);
  }

  Token expect(Kind kind, String context) {
    Token t = nextNonSpace();
    if (t.kind() != kind) throw unexpected(t, context);
    return t;
  }

  private ListNode parseTop() {
    List<Node> nodes = new ArrayList<>();
    Position start = peek().pos();
    while (peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.LEFT_DELIM) {
        int save = at;
        next();
        if (nextNonSpace().kind() == Kind.DEFINE) {
          parseDefinition();
          continue;
        }
        at = save;
      }
      Object n = textOrAction();
      if (n instanceof EndOrElse e) throw error(e.pos, "unexpected " + e);
      nodes.add((Node) n);
    }
    return new ListNode(start, List.copyOf(nodes));
  }

  private void parseDefinition() {
    Token nameTok = nextNonSpace();
    if (nameTok.kind() != Kind.STRING && nameTok.kind() != Kind.RAW_STRING) throw unexpected(nameTok, "define clause");
    String defName = unquote(nameTok);
    expect(Kind.RIGHT_DELIM, "define clause");
    List<String> outerVars = vars;
    int outerRange = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    ItemList body = itemList();
    if (!body.end.isEnd) throw error(body.end.pos, "unexpected " + body.end + " in define clause");
    vars = outerVars;
    rangeDepth = outerRange;
    add(defName, body.list, nameTok.pos());
  }

  /** Go's tree add: a non-empty redefinition in the same parse is an error. */
  void add(String treeName, ListNode root, Position pos) {
    ListNode existing = trees.get(treeName);
    if (existing == null || isEmpty(existing)) {
      trees.put(treeName, root);
    } else if (!isEmpty(root)) {
      throw error(pos, "template: multiple definition of template \"" + treeName + "\"");
    }
  }

  private static boolean isEmpty(ListNode list) {
    for (Node n : list.nodes()) {
      if (!(n instanceof TextNode t) || !t.text().isBlank()) return false;
    }
    return true;
  }

  /** The end or else that closes a list; not part of the tree. */
  static final class EndOrElse {
    final Position pos;
    final boolean isEnd;

    EndOrElse(Position pos, boolean isEnd) {
      this.pos = pos;
      this.isEnd = isEnd;
    }

    @Override
    public String toString() {
      return isEnd ? "{{end}}" : "{{else}}";
    }
  }

  record ItemList(ListNode list, EndOrElse end) {}

  ItemList itemList() {
    List<Node> nodes = new ArrayList<>();
    Position start = peekNonSpace().pos();
    while (peekNonSpace().kind() != Kind.EOF) {
      Object n = textOrAction();
      if (n instanceof EndOrElse e) return new ItemList(new ListNode(start, List.copyOf(nodes)), e);
      nodes.add((Node) n);
    }
    Token eof = peekNonSpace();
    throw error(eof.pos(), "unexpected EOF");
  }

  private Object textOrAction() {
    Token t = nextNonSpace();
    switch (t.kind()) {
      case TEXT: return new TextNode(t.pos(), t.text());
      case LEFT_DELIM: return action();
      default: throw unexpected(t, "input");
    }
  }

  private Object action() {
    int save = at;
    Token t = nextNonSpace();
    switch (t.kind()) {
      case BLOCK: return blockControl();
      case BREAK: return loopControl(t, true);
      case CONTINUE: return loopControl(t, false);
      case ELSE: return elseControl(t);
      case END: return new EndOrElse(expect(Kind.RIGHT_DELIM, "end").pos(), true);
      case IF: return control(t, BranchNode.Kind.IF, "if");
      case RANGE: return control(t, BranchNode.Kind.RANGE, "range");
      case WITH: return control(t, BranchNode.Kind.WITH, "with");
      case TEMPLATE: return templateControl(t);
      default: break;
    }
    at = save;
    Token first = peekNonSpace();
    return new Node.ActionNode(first.pos(), new PipelineParser(this).pipeline("command", Kind.RIGHT_DELIM));
  }

  private Object loopControl(Token t, boolean isBreak) {
    String word = isBreak ? "{{break}}" : "{{continue}}";
    Token n = nextNonSpace();
    if (n.kind() != Kind.RIGHT_DELIM) throw unexpected(n, word);
    if (rangeDepth == 0) throw error(t.pos(), word + " outside {{range}}");
    return isBreak ? new Node.BreakNode(t.pos()) : new Node.ContinueNode(t.pos());
  }

  private Object elseControl(Token t) {
    Token p = peekNonSpace();
    if (p.kind() == Kind.IF || p.kind() == Kind.WITH) {
      // "{{else if x}}" reads as "{{else}}{{if x}}…{{end}}" sharing the outer end.
      return new EndOrElse(p.pos(), false);
    }
    return new EndOrElse(expect(Kind.RIGHT_DELIM, "else").pos(), false);
  }

  private Node control(Token t, BranchNode.Kind kind, String context) {
    if (++depth > MAX_DEPTH) throw error(t.pos(), "max expression depth exceeded");
    int mark = vars.size();
    PipeNode pipe = new PipelineParser(this).pipeline(context, Kind.RIGHT_DELIM);
    if (kind == BranchNode.Kind.RANGE) rangeDepth++;
    ItemList body = itemList();
    if (kind == BranchNode.Kind.RANGE) rangeDepth--;
    ListNode elseList = null;
    if (!body.end.isEnd) {
      Kind chained = kind == BranchNode.Kind.IF ? Kind.IF : kind == BranchNode.Kind.WITH ? Kind.WITH : null;
      if (chained != null && peekNonSpace().kind() == chained) {
        Token kw = nextNonSpace();
        elseList = new ListNode(body.end.pos, List.of(control(kw, kind, context)));
      } else {
        ItemList rest = itemList();
        if (!rest.end.isEnd) throw error(rest.end.pos, "expected end; found " + rest.end);
        elseList = rest.list;
      }
    }
    vars.subList(mark, vars.size()).clear();
    depth--;
    return new BranchNode(t.pos(), kind, pipe, body.list, elseList);
  }

  private Node templateControl(Token t) {
    Token nameTok = nextNonSpace();
    String tname = templateName(nameTok, "template clause");
    PipeNode pipe = null;
    int save = at;
    if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
      at = save;
      pipe = new PipelineParser(this).pipeline("template clause", Kind.RIGHT_DELIM);
    }
    return new TemplateNode(t.pos(), tname, pipe);
  }

  private Node blockControl() {
    Token nameTok = nextNonSpace();
    String bname = templateName(nameTok, "block clause");
    PipeNode pipe = new PipelineParser(this).pipeline("block clause", Kind.RIGHT_DELIM);
    List<String> outerVars = vars;
    int outerRange = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    ItemList body = itemList();
    if (!body.end.isEnd) throw error(body.end.pos, "unexpected " + body.end + " in block clause");
    vars = outerVars;
    rangeDepth = outerRange;
    add(bname, body.list, nameTok.pos());
    return new TemplateNode(nameTok.pos(), bname, pipe);
  }

  private String templateName(Token t, String context) {
    if (t.kind() != Kind.STRING && t.kind() != Kind.RAW_STRING) throw unexpected(t, context);
    return unquote(t);
  }

  String unquote(Token t) {
    String s = Unquote.string(t.text());
    if (s == null) throw error(t.pos(), "invalid syntax");
    return s;
  }
}
