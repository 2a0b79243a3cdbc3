package io.quargo.core.workflow.lint;

import io.quargo.core.expr.ExprException;
import io.quargo.core.govaluate.GovaluateException;
import io.quargo.core.govaluate.GovaluateExpression;
import io.quargo.core.govaluate.GovaluateMode;
import io.quargo.core.lang.ArgoExpressions;
import io.quargo.core.tags.Segment;
import io.quargo.core.tags.TagTemplate;

/** Syntax of the expression languages inside a manifest: {@code {{= }}} and hooks (expr), {@code when} (govaluate). */
final class ExpressionRules {
  private static final ArgoExpressions EXPR = ArgoExpressions.standard();

  private final LintContext ctx;

  ExpressionRules(LintContext ctx) {
    this.ctx = ctx;
  }

  /** Every {@code {{=expr}}} tag in the string must compile. */
  void checkExpressionTags(TagTemplate template, String path) {
    for (Segment s : template.segments()) {
      if (s instanceof Segment.Expression e) {
        try {
          EXPR.program(e.expression());
        } catch (ExprException | IllegalArgumentException ex) {
          ctx.errorAt(path, template.source(), s.offset(), "invalid expression '{{" + e.raw() + "}}': " + ex.getMessage()
              + " (see https://expr-lang.org for the syntax; index hyphenated names as steps['my-step'])");
        }
      }
    }
  }

  /** A hook's {@code expression} is plain expr (no braces). */
  void checkExpr(String expression, String path) {
    try {
      EXPR.program(expression);
    } catch (ExprException | IllegalArgumentException ex) {
      ctx.error(path, "invalid expression '" + expression + "': " + ex.getMessage());
    }
  }

  /**
   * As Argo evaluates {@code when}: tags are substituted first, then govaluate parses the result with bare words
   * as strings. Tag values are unknown here, so each tag stands in as one opaque word.
   */
  void checkWhen(TagTemplate when, String path) {
    StringBuilder text = new StringBuilder();
    for (Segment s : when.segments()) {
      text.append(s instanceof Segment.Text t ? t.text() : "tag");
    }
    String substituted = text.toString();
    if (substituted.isBlank()) {
      return;
    }
    try {
      GovaluateExpression.parse(substituted, GovaluateMode.BARE_WORDS_ARE_STRINGS);
    } catch (GovaluateException e) {
      ctx.error(path, "invalid 'when' expression '" + when.source() + "': " + e.reason()
          + " (hint: try wrapping the affected expression in quotes (\"), or use a {{=...}} expression)");
    }
  }
}
