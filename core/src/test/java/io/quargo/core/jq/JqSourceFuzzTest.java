package io.quargo.core.jq;

import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * 100,000 random jq sources (token soups, not well-formed programs): compiling, and running what
 * compiles under tight bounds, raises nothing but JqException. The structured generator in
 * {@link JqPropertiesTest} covers deeper runs.
 */
class JqSourceFuzzTest {
  private static final String[] TOKENS = {".", "..", "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "?", "$x",
      "as", "def", "if", "then", "elif", "else", "end", "reduce", "foreach", "try", "catch", "label", "break",
      "and", "or", "not", "+", "-", "*", "/", "%", "==", "!=", "<", ">=", "//", "|=", "+=", "=", "\"s\"",
      "\"\\(.)\"", "1", "1e9", "-0", "null", "true", "body", "items", "length", "keys", "range", "recurse",
      "@base64", "@json", "@text", "input", "error", "empty", "limit", "path", "getpath", "tojson", " ", "\n"};
  private static final int PER_TRY = 10;

  @Property(tries = 10_000, generation = GenerationMode.RANDOMIZED)
  void tokenSoupsFailCleanly(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < PER_TRY; i++) {
      StringBuilder src = new StringBuilder();
      for (int n = r.nextInt(12); n >= 0; n--) {
        src.append(TOKENS[r.nextInt(TOKENS.length)]);
      }
      String program = src.toString();
      try {
        JqProgram.compile(program).apply(JqProgramTest.EVENT, Map.of(), 20, 2_000);
      } catch (JqException expected) {
        // the declared failure
      } catch (RuntimeException | Error e) {
        throw new AssertionError("crash on <" + program + "> (seed " + seed + ")", e);
      }
    }
  }
}
