package io.quargo.core.govaluate;

import java.util.Random;

/** Cheap seeded generators for the property tests: jqwik supplies the seed, this builds many inputs from it. */
final class RandomGovaluate {
  private static final String[] VOCABULARY = {
      "a", "b", "s", "t", "f", "n", "list", "obj.Field", "heads", "1", "2.5", "0x1f", ".5", "'x'", "\"y\"",
      "'2021-01-01'", "true", "false", "in", "IN", "(", ")", ",", "==", "!=", "<", "<=", ">", ">=", "=~", "!~",
      "&&", "||", "!", "-", "+", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", "~", "?", ":", "??", "[a]",
      "'(a+'", "'^a.*$'", "@", "'", "my\\-var", "obj.lower"};
  private static final String SOUP = " ()[],'\"\\.-+*/%&|^!~=<>?:@0123456789abnstfxINE_\t\n";
  private static final String[] LEAVES = {"a", "b", "s", "t", "f", "n", "1", "0", "2.5", "'hello'", "'h.*'",
      "true", "false", "list", "(1, 2)", "obj.Field"};
  private static final String[] OPERATORS = {"==", "!=", "<", ">=", "=~", "!~", "&&", "||", "+", "-", "*", "/",
      "%", "**", "&", "|", "<<", "in", "??", "?", ":"};

  private final Random random;

  RandomGovaluate(long seed) {
    random = new Random(seed);
  }

  String soup() {
    int n = random.nextInt(61);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(SOUP.charAt(random.nextInt(SOUP.length())));
    }
    return sb.toString();
  }

  String tokens() {
    int n = random.nextInt(26);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return sb.toString();
  }

  String wellFormed(int depth) {
    int pick = depth == 0 ? 0 : random.nextInt(4);
    return switch (pick) {
      case 0 -> LEAVES[random.nextInt(LEAVES.length)];
      case 1 -> wellFormed(depth - 1) + " " + OPERATORS[random.nextInt(OPERATORS.length)] + " "
          + wellFormed(depth - 1);
      case 2 -> "!-~".charAt(random.nextInt(3)) + "(" + wellFormed(depth - 1) + ")";
      default -> "(" + wellFormed(depth - 1) + ")";
    };
  }
}
