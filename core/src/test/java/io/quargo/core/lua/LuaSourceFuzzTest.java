package io.quargo.core.lua;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * 100,000 random Lua sources (token soups): compiling, and running what compiles under tight limits,
 * raises nothing but LuaScriptException. {@link LuaPropertiesTest} runs fewer but heavier scripts.
 */
class LuaSourceFuzzTest {
  private static final LuaLimits LIMITS = new LuaLimits(2_000, 4L << 20, 1 << 12);
  private static final String[] TOKENS = {"local", "x", "y", "=", "==", "~=", "..", "...", "+", "-", "*", "/", "%",
      "^", "#", "(", ")", "{", "}", "[", "]", ";", ",", ".", ":", "function", "end", "return", "if", "then",
      "else", "while", "do", "for", "in", "repeat", "until", "nil", "true", "not", "and", "or", "1", "0x10",
      "1e308", "'s'", "\"\\n\"", "[[long]]", "event", "body", "string.rep", "pairs", "ipairs", "error",
      "pcall", "setmetatable", "goto", "::l::", "--", " ", "\n"};
  private static final int PER_TRY = 10;

  @Property(tries = 10_000, generation = GenerationMode.RANDOMIZED)
  void tokenSoupsFailCleanly(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < PER_TRY; i++) {
      StringBuilder src = new StringBuilder();
      for (int n = r.nextInt(14); n >= 0; n--) {
        src.append(TOKENS[r.nextInt(TOKENS.length)]).append(' ');
      }
      String script = src.toString();
      try {
        LuaScript.compile(script, "fuzz.lua").filter(LuaScriptTest.EVENT, LIMITS);
      } catch (LuaScriptException expected) {
        // the declared failure
      } catch (RuntimeException | Error e) {
        throw new AssertionError("crash on script (seed " + seed + "):\n" + script, e);
      }
    }
  }
}
