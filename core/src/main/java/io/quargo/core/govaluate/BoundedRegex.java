package io.quargo.core.govaluate;

import io.quargo.core.text.MeteredChars;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex matching for {@code =~} that cannot hang: java.util.regex backtracks, so the subject is wrapped in a
 * CharSequence that counts reads and aborts the match after a budget (Go's RE2 is linear and never needs this).
 */
final class BoundedRegex {
  /** Reads of the subject allowed per match; generous for real filters, fatal for catastrophic backtracking. */
  static final long READ_BUDGET = 2_000_000;
  private static final int CACHE_LIMIT = 256;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private BoundedRegex() {}

  /** Compiled pattern, or the reason it does not compile. */
  static Pattern compile(String regex) {
    Pattern p = CACHE.get(regex);
    if (p != null) {
      return p;
    }
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("unable to compile regexp pattern '" + regex + "': "
          + e.getDescription());
    }
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(regex, p);
    }
    return p;
  }

  /** Like Go's regexp.MatchString: true if the pattern matches anywhere in the subject. */
  static boolean find(Pattern pattern, String subject) {
    try {
      return pattern.matcher(new MeteredChars(subject, MeteredChars.budget(READ_BUDGET, BudgetExceeded::new))).find();
    } catch (BudgetExceeded | StackOverflowError e) {
      throw new IllegalArgumentException("regexp pattern '" + pattern.pattern()
          + "' is too expensive to match (catastrophic backtracking); simplify it");
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
