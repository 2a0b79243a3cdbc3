package io.quargo.core.lua;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * Random Lua scripts (1,000 = 100 seeds x 10), including infinite loops, unbounded growth, deep recursion and
 * syntax errors: compile and run raise nothing but LuaScriptException, and the limits stop every run.
 */
class LuaPropertiesTest {
  private static final LuaLimits LIMITS = new LuaLimits(20_000, 8L << 20, 1 << 14);
  private static final String[] STATEMENTS = {
      "x = (x or 0) + 1", "s = (s or 'a') .. (s or 'a')", "t = t or {} t[#t + 1] = x", "while true do end",
      "for i = 1, 1e9 do y = i end", "local function f(n) return f(n + 1) end f(1)", "error('boom')",
      "x = event.body.n * 2", "x = event.body.missing.deeper", "x = string.rep('ab', 1e9)", "x = #event.body.items",
      "x = tostring(nil) .. 1", "x = 1 / 0", "x = math.floor(3.7)", "x = string.upper(event.body.action)",
      "return event", "return x", "return true", "return {status = 'Healthy'}", "return t", "return print",
      "pcall(function() while true do end end)", "x = ('x'):rep(100):len()", "local = broken", "end",
      "x = {} x.self = x return x", "x = setmetatable({}, {__index = function(t, k) return t[k] end}).a",
      "x = select('#', 1, 2, 3)", "x = string.find(string.rep('a', 16000), 'a*a*b')",
      "x = ('ab'):rep(5000):gsub('(a)(b)', '%2%1')", "x = string.match(event.body.action, '^(o%a+)$')", "x = table.concat({1, 2, 3}, ',')", "goto nowhere", "x = 10 % 0"};

  @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
  void randomScriptsStayWithinLimits(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 10; i++) {
      StringBuilder src = new StringBuilder();
      for (int n = 1 + r.nextInt(4); n > 0; n--) {
        src.append(STATEMENTS[r.nextInt(STATEMENTS.length)]).append('\n');
      }
      String script = src.toString();
      try {
        LuaScript s = LuaScript.compile(script, "random.lua");
        switch (r.nextInt(3)) {
          case 0 -> s.filter(LuaScriptTest.EVENT, LIMITS);
          case 1 -> s.transform(LuaScriptTest.EVENT, LIMITS);
          default -> s.health(LuaScriptTest.EVENT, LIMITS);
        }
      } catch (LuaScriptException expected) {
        // the declared failure
      } catch (RuntimeException | Error e) {
        throw new AssertionError("crash on script (seed " + seed + "):\n" + script, e);
      }
    }
  }
}
