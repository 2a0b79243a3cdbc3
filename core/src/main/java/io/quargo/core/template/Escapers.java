package io.quargo.core.template;

import java.nio.charset.StandardCharsets;

/** The html, js and urlquery builtins: Go's HTMLEscapeString, JSEscapeString and url.QueryEscape. */
final class Escapers {
  private Escapers() {}

  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': out.append("&#34;"); break;
        case '\'': out.append("&#39;"); break;
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case 0: out.append('\uFFFD'); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  static String js(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\': out.append("\\\\"); break;
        case '\'': out.append("\\'"); break;
        case '"': out.append("\\\""); break;
        case '<': out.append("\\u003C"); break;
        case '>': out.append("\\u003E"); break;
        case '&': out.append("\\u0026"); break;
        case '=': out.append("\\u003D"); break;
        default:
          if (cp < ' ' || (cp >= 0x7f && !io.quargo.core.sprig.GoPrint.quote(new String(Character.toChars(cp))).equals("\"" + new String(Character.toChars(cp)) + "\""))) {
            out.append(String.format("\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
      }
    }
    return out.toString();
  }

  static String urlQuery(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
