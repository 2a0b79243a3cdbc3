package io.quargo.core.depends;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses {@code A && (B.Failed || !C.Skipped)}: precedence {@code !} over {@code &&} over {@code ||}, task names
 * of letters, digits, '-' and '_'. Words such as {@code and} or {@code true} are task names, as in Argo (whose
 * task-name scan would expand them).
 */
final class DependsParser {
  static final int MAX_DEPTH = 200;

  private final String src;
  private final Function<String, ContinueOn> continueOn;
  private int pos;
  private int depth;

  private DependsParser(String src, Function<String, ContinueOn> continueOn) {
    this.src = src;
    this.continueOn = continueOn;
  }

  static DependsNode parse(String src, Function<String, ContinueOn> continueOn) {
    DependsParser p = new DependsParser(src, continueOn);
    p.skipSpace();
    if (p.pos == src.length()) {
      throw new DependsException(src, 0, "empty depends expression");
    }
    DependsNode node = p.or();
    p.skipSpace();
    if (p.pos < src.length()) {
      throw p.unexpected();
    }
    return node;
  }

  private DependsNode or() {
    List<DependsNode> parts = new ArrayList<>();
    parts.add(and());
    while (accept("||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new DependsNode.Or(List.copyOf(parts));
  }

  private DependsNode and() {
    List<DependsNode> parts = new ArrayList<>();
    parts.add(unary());
    while (accept("&&")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new DependsNode.And(List.copyOf(parts));
  }

  private DependsNode unary() {
    skipSpace();
    if (pos < src.length() && src.charAt(pos) == '!' && !src.startsWith("!=", pos)) {
      int at = pos++;
      enter(at);
      DependsNode operand = unary();
      depth--;
      return new DependsNode.Not(operand);
    }
    if (pos < src.length() && src.charAt(pos) == '(') {
      int open = pos++;
      enter(open);
      DependsNode inner = or();
      depth--;
      if (!accept(")")) {
        if (pos >= src.length()) {
          throw new DependsException(src, open, "'(' is never closed");
        }
        throw unexpected();
      }
      return inner;
    }
    return reference();
  }

  private DependsNode reference() {
    skipSpace();
    int start = pos;
    while (pos < src.length() && isNameChar(src.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      if (pos >= src.length()) {
        throw new DependsException(src, pos, "unexpected end of expression, expected a task name");
      }
      throw unexpected();
    }
    String task = src.substring(start, pos);
    if (pos < src.length() && src.charAt(pos) == '.') {
      int dot = pos++;
      int rs = pos;
      while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
        pos++;
      }
      String name = src.substring(rs, pos);
      TaskResult result = TaskResult.fromArgo(name);
      if (result == null) {
        throw new DependsException(src, dot, "unknown task result '." + name + "' on task '" + task
            + "'; expected one of " + TaskResult.allNames());
      }
      return new DependsNode.Ref(task, result, start);
    }
    ContinueOn c = continueOn.apply(task);
    return new DependsNode.Bare(task, c == null ? ContinueOn.NONE : c, start);
  }

  static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private void enter(int at) {
    if (++depth > MAX_DEPTH) {
      throw new DependsException(src, at, "depends expression nested too deeply (more than " + MAX_DEPTH
          + " levels)");
    }
  }

  private boolean accept(String token) {
    skipSpace();
    if (src.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private DependsException unexpected() {
    int end = pos + 1;
    if (isNameChar(src.charAt(pos))) {
      while (end < src.length() && isNameChar(src.charAt(end))) {
        end++;
      }
    } else if (end < src.length() && "&|=".indexOf(src.charAt(end)) >= 0) {
      end++;
    }
    String token = src.substring(pos, end);
    String hint = token.equals("&") || token.equals("|") ? " (did you mean '" + token + token + "'?)" : "";
    return new DependsException(src, pos, "unexpected token '" + token + "'" + hint);
  }
}
