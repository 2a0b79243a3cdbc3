package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** sprig's random helpers and the must* spellings that, here as in sprig, fail the same way. */
final class RandomFunctions {
  private static final String ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";

  private RandomFunctions() {}

  static void register(Registry r) {
    r.add("randAlphaNum", "i", a -> random(ALPHA + DIGITS, (Long) a[0]));
    r.add("randAlpha", "i", a -> random(ALPHA, (Long) a[0]));
    r.add("randNumeric", "i", a -> random(DIGITS, (Long) a[0]));
    r.add("randAscii", "i", a -> random(ascii(), (Long) a[0]));
    r.add("randInt", "ii", a -> {
      long min = (Long) a[0];
      long max = (Long) a[1];
      if (max <= min) throw new Fail("invalid argument to Intn");
      return min + ThreadLocalRandom.current().nextLong(max - min);
    });
    r.add("shuffle", "s", a -> {
      List<Integer> cps = new ArrayList<>();
      ((String) a[0]).codePoints().forEach(cps::add);
      Collections.shuffle(cps, ThreadLocalRandom.current());
      StringBuilder out = new StringBuilder();
      cps.forEach(out::appendCodePoint);
      return out.toString();
    });
    for (String name : List.of("first", "last", "rest", "initial", "append", "push", "prepend", "reverse",
        "uniq", "without", "has", "compact", "slice", "chunk", "merge", "mergeOverwrite", "deepCopy",
        "regexFindAll", "regexFind", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit")) {
      r.alias("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1), name);
    }
    r.alias("tuple", "list");
  }

  private static String ascii() {
    StringBuilder b = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) b.append(c);
    return b.toString();
  }

  private static String random(String alphabet, long n) {
    if (n < 0) throw new Fail("count must be non-negative");
    if (n > Sprig.MAX_STRING) throw new Fail("result exceeds " + Sprig.MAX_STRING + " characters");
    StringBuilder out = new StringBuilder((int) n);
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    for (long i = 0; i < n; i++) out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    return out.toString();
  }
}
