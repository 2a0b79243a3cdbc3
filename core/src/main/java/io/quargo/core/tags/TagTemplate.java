package io.quargo.core.tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A string with Argo {@code {{ }}} tags, parsed once: {@code {{inputs.parameters.x}}} (whitespace inside is
 * trimmed) and {@code {{=expression}}}. Like fasttemplate, a tag ends at the first {@code }}}, and a
 * {@code {{} without a closing {@code }}} is an error. Thread-safe.
 */
public final class TagTemplate {
  private final String source;
  private final List<Segment> segments;

  private TagTemplate(String source, List<Segment> segments) {
    this.source = source;
    this.segments = segments;
  }

  /** @throws TagException when a {@code {{} is never closed */
  public static TagTemplate parse(String source) {
    List<Segment> out = new ArrayList<>();
    int pos = 0;
    while (pos < source.length()) {
      int open = source.indexOf("{{", pos);
      if (open < 0) {
        break;
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TagException(source, open, "'{{' is never closed by '}}'", false, null);
      }
      if (open > pos) {
        out.add(new Segment.Text(source.substring(pos, open), pos));
      }
      String raw = source.substring(open + 2, close);
      out.add(raw.startsWith("=")
          ? new Segment.Expression(raw, raw.substring(1), open)
          : new Segment.Simple(raw, raw.strip(), open));
      pos = close + 2;
    }
    if (pos < source.length()) {
      out.add(new Segment.Text(source.substring(pos), pos));
    }
    return new TagTemplate(source, Collections.unmodifiableList(out));
  }

  public String source() {
    return source;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** True when there is nothing to substitute. */
  public boolean isLiteral() {
    return segments.stream().allMatch(s -> s instanceof Segment.Text);
  }

  /** Every variable the template needs, simple tags exactly and expression tags by scanning. */
  public List<TagReference> references() {
    List<TagReference> refs = new ArrayList<>();
    for (Segment s : segments) {
      if (s instanceof Segment.Simple t) {
        // In {{inputs.parameters.{{item}}}} only the inner name is known before the first pass.
        int nested = t.name().lastIndexOf("{{");
        refs.add(new TagReference(nested >= 0 ? t.name().substring(nested + 2).strip() : t.name(), false,
            t.offset()));
      } else if (s instanceof Segment.Expression e) {
        for (String name : ExpressionReferences.scan(e.expression())) {
          refs.add(new TagReference(name, true, e.offset()));
        }
      }
    }
    return refs;
  }

  /** The distinct variable names of {@link #references()}, in order. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    references().forEach(r -> names.add(r.name()));
    return names;
  }

  /**
   * Substitutes. A key mapped to null is an absent value (a skipped step's output): simple tags fail on it, and
   * expressions see nil.
   *
   * @throws TagException per {@link TagOptions}: unresolved tags, absent values, expression errors
   */
  public String render(Map<String, ?> values, TagOptions options) {
    return new TagRenderer(source, values, options).render(segments);
  }
}
