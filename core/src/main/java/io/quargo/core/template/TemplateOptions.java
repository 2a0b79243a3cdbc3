package io.quargo.core.template;

import io.quargo.core.sprig.Sprig;

/**
 * Functions and bounds for a template. maxSteps counts nodes and commands evaluated, maxOutput the
 * characters written, maxDepth nested {{template}} calls: together nothing hangs or explodes.
 */
public record TemplateOptions(Sprig sprig, long maxSteps, int maxOutput, int maxDepth) {
  public static final TemplateOptions DEFAULT = new TemplateOptions(Sprig.standard(), 1_000_000, 1 << 20, 200);

  public TemplateOptions withSprig(Sprig s) {
    return new TemplateOptions(s, maxSteps, maxOutput, maxDepth);
  }

  public TemplateOptions withMaxSteps(long steps) {
    return new TemplateOptions(sprig, steps, maxOutput, maxDepth);
  }

  public TemplateOptions withMaxOutput(int chars) {
    return new TemplateOptions(sprig, maxSteps, chars, maxDepth);
  }
}
