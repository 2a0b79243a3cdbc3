package io.quargo.core.text;

/** A string as Go's encoding/json writes it (quotes, escapes, and with HTML escaping {@code <>&}). */
public final class GoJsonStrings {
  private GoJsonStrings() {}

  public static void quote(StringBuilder out, String s, boolean escapeHtml) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean html = escapeHtml && (c == '<' || c == '>' || c == '&');
          if (c < 0x20 || html || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
