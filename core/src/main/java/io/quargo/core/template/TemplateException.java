package io.quargo.core.template;

/**
 * Any failure to parse or execute a template, worded as Go's text/template words it:
 * {@code template: t:1:17: unexpected "}" in operand} or
 * {@code template: t:1:2: executing "t" at <.a.b>: nil pointer evaluating interface {}.b}.
 * Go prints only the line for parse errors; we add the column since callers need it.
 */
public final class TemplateException extends RuntimeException {
  private final String template;
  private final int line;
  private final int column;
  private final String reason;

  TemplateException(String message, String template, int line, int column, String reason) {
    super(message, null, false, false);
    this.template = template;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  static TemplateException parse(String template, Position pos, String reason) {
    return new TemplateException("template: " + template + ":" + pos.line() + ":" + pos.column() + ": " + reason,
        template, pos.line(), pos.column(), reason);
  }

  static TemplateException exec(String parseName, Position pos, String executing, String context, String reason) {
    String where = "template: " + parseName + ":" + pos.line() + ":" + pos.column() + ": executing \""
        + executing + "\" at <" + context + ">: " + reason;
    return new TemplateException(where, parseName, pos.line(), pos.column(), reason);
  }

  /** A failure with no node to point at, such as a missing template. */
  static TemplateException plain(String template, String reason) {
    return new TemplateException("template: " + reason, template, 0, 0, reason);
  }

  public String template() {
    return template;
  }

  public int line() {
    return line;
  }

  /** Byte offset within the line, as Go's ErrorContext counts it. */
  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
