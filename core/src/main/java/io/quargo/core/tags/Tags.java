package io.quargo.core.tags;

import java.util.Map;
import java.util.Set;

/** One-call helpers over {@link TagTemplate} for callers that do not keep the parsed form. */
public final class Tags {
  private Tags() {}

  public static String substitute(String template, Map<String, ?> values, TagOptions options) {
    return TagTemplate.parse(template).render(values, options);
  }

  /** Variables the string needs; an unclosed '{{' is reported as an error, as substitution would. */
  public static Set<String> references(String template) {
    return TagTemplate.parse(template).variables();
  }
}
