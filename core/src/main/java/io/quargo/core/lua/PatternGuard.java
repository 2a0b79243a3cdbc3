package io.quargo.core.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua pattern matching runs inside one library call, out of reach of the instruction budget, and backtracks in
 * O(n^k) for k repeated items ({@code a*a*a*b} on a long run of a's). Before delegating, estimate that worst case
 * and refuse patterns that could run for seconds on the given subject; typical patterns on typical strings are far
 * below the bound.
 */
final class PatternGuard {
  /** Worst-case match steps allowed per call. */
  static final double MAX_STEPS = 1e9;

  private PatternGuard() {}

  static void install(LuaTable strings) {
    for (String fn : new String[] {"find", "match", "gmatch", "gsub"}) {
      LuaValue original = strings.get(fn);
      strings.set(fn, new VarArgFunction() {
        @Override
        public Varargs invoke(Varargs args) {
          boolean plain = fn.equals("find") && args.arg(4).toboolean();
          if (!plain && args.arg1().isstring() && args.arg(2).isstring()) {
            check(fn, args.arg1().checkstring(), args.arg(2).checkstring());
          }
          return original.invoke(args);
        }
      });
    }
  }

  static void check(String fn, LuaString subject, LuaString pattern) {
    int repeats = repeatedItems(pattern);
    boolean anchored = pattern.length() > 0 && pattern.luaByte(0) == '^';
    int exponent = repeats + (anchored ? 0 : 1);
    if (repeats > 0 && Math.pow(Math.max(subject.length(), 1), exponent) > MAX_STEPS) {
      throw new LuaError("string." + fn + ": pattern '" + pattern.tojstring() + "' has " + repeats
          + " repeated items and could backtrack for too long on a " + subject.length()
          + "-byte string; anchor it with '^', use fewer '*'/'+'/'-', or match a shorter string");
    }
  }

  /** Counts '*', '+' and '-' quantifiers, skipping %-escapes and [...] sets. */
  static int repeatedItems(LuaString p) {
    int count = 0;
    int i = 0;
    int n = p.length();
    while (i < n) {
      int c = p.luaByte(i);
      if (c == '%') {
        i += 2;
        continue;
      }
      if (c == '[') {
        i++;
        if (i < n && p.luaByte(i) == '^') {
          i++;
        }
        i++; // a ']' right after '[' is literal
        while (i < n && p.luaByte(i) != ']') {
          i += p.luaByte(i) == '%' ? 2 : 1;
        }
        i++;
        continue;
      }
      if ((c == '*' || c == '+' || c == '-') && i > 0) {
        count++;
      }
      i++;
    }
    return count;
  }
}
