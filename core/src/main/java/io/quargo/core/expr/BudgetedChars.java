package io.quargo.core.expr;

/**
 * Regex input that charges the step budget as the matcher reads it, so a backtracking pattern on a
 * long string fails with the budget error instead of hanging (Java's engine is not linear like RE2).
 */
final class BudgetedChars implements CharSequence {
  private static final int BATCH = 64;

  private final CharSequence s;
  private final EvalContext ctx;
  private int reads;

  BudgetedChars(CharSequence s, EvalContext ctx) {
    this.s = s;
    this.ctx = ctx;
  }

  @Override
  public char charAt(int index) {
    if (++reads == BATCH) {
      reads = 0;
      ctx.charge(1);
    }
    return s.charAt(index);
  }

  @Override
  public int length() {
    return s.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BudgetedChars(s.subSequence(start, end), ctx);
  }

  @Override
  public String toString() {
    return s.toString();
  }
}
