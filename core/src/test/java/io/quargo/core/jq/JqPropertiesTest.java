package io.quargo.core.jq;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/** Random jq programs (2,000 = 200 seeds x 10): compile and run raise nothing but JqException. */
class JqPropertiesTest {
  private static final String[] ATOMS = {".", ".body", ".body.n", ".body.items", ".[]", ".[]?", "1", "\"s\"",
      "null", "true", "[]", "{}", "length", "keys", "tostring", "tonumber", "range(5)", "range(1e9)", "recurse",
      "empty", "error(\"e\")", "$x", "add", "to_entries", "not", "-1", "@base64", "splits(\"a\")", "ascii",
      "input", "def f: f; f", "limit(3; range(1e9))", "[.[]]", "..", "paths", "select(. == 1)", "map(.)"};
  private static final String[] OPS = {" | ", " + ", " - ", " * ", " / ", " % ", " == ", " and ", " or ", " // ",
      ", ", " as $x | ", "|= "};

  @Property(tries = 200, generation = GenerationMode.RANDOMIZED)
  void randomProgramsFailCleanly(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 10; i++) {
      String program = program(r, 3);
      try {
        JqProgram.compile(program).apply(JqProgramTest.EVENT, java.util.Map.of(), 100, 10_000);
      } catch (JqException expected) {
        // the declared failure
      } catch (RuntimeException | Error e) {
        throw new AssertionError("crash on <" + program + "> (seed " + seed + ")", e);
      }
    }
  }

  private static String program(Random r, int depth) {
    if (depth == 0 || r.nextInt(3) == 0) {
      return ATOMS[r.nextInt(ATOMS.length)];
    }
    return switch (r.nextInt(4)) {
      case 0 -> "(" + program(r, depth - 1) + ")";
      case 1 -> "[" + program(r, depth - 1) + "]";
      default -> program(r, depth - 1) + OPS[r.nextInt(OPS.length)] + program(r, depth - 1);
    };
  }
}
