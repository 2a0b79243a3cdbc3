package io.quargo.core.sprig;

/** fmt's integer verbs: d, b, o, O, x, X, c, q, U and v, with sign flags and precision as minimum digits. */
final class GoIntFormat {
  private GoIntFormat() {}

  static String format(GoFmt.Spec spec, long v) {
    int verb = spec.verb;
    String digits;
    String prefix = "";
    switch (verb) {
      case 'v': case 'd': digits = unsigned(v, 10); break;
      case 'b': digits = unsigned(v, 2); break;
      case 'o': digits = unsigned(v, 8); if (spec.sharp) prefix = "0"; break;
      case 'O': digits = unsigned(v, 8); prefix = "0o"; break;
      case 'x': digits = unsigned(v, 16); if (spec.sharp) prefix = "0x"; break;
      case 'X': digits = unsigned(v, 16).toUpperCase(); if (spec.sharp) prefix = "0X"; break;
      case 'c': return validRune(v) ? new String(Character.toChars((int) v)) : "\ufffd";
      case 'q': return validRune(v) ? quoteRune((int) v) : "'\ufffd'";
      case 'U': {
        String hex = Long.toHexString(v).toUpperCase();
        return "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
      }
      default: return null;
    }
    if (spec.prec >= 0 && digits.length() < spec.prec) {
      digits = "0".repeat(spec.prec - digits.length()) + digits;
    } else if (spec.prec == 0 && v == 0) {
      digits = "";
    }
    String sign = v < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    return sign + prefix + digits;
  }

  private static String unsigned(long v, int radix) {
    if (v == Long.MIN_VALUE) {
      return new java.math.BigInteger(Long.toString(v)).negate().toString(radix);
    }
    return Long.toString(Math.abs(v), radix);
  }

  private static boolean validRune(long v) {
    return v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
  }

  private static String quoteRune(int cp) {
    if (cp == '\'') return "'\\''";
    String q = GoPrint.quote(new String(Character.toChars(cp)));
    String inner = q.substring(1, q.length() - 1).replace("\\\"", "\"");
    return "'" + inner + "'";
  }
}
