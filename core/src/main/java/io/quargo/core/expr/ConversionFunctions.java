package io.quargo.core.expr;

import static io.quargo.core.expr.Builtins.add;
import static io.quargo.core.expr.Builtins.str;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Conversions: expr's int, float, string, type, toJSON, fromJSON, toBase64, fromBase64 and Argo's
 * asInt, asFloat, toJson (compact) and jsonpath.
 */
final class ConversionFunctions {
  private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern GO_FLOAT = Pattern.compile(
      "[+-]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))");

  private ConversionFunctions() {}

  static void register(Map<String, Builtin> t) {
    add(t, Builtin.of("int", 1, 1, (c, a) -> toInt(a[0], "int")));
    add(t, Builtin.of("float", 1, 1, (c, a) -> toFloat(a[0], "float")));
    add(t, Builtin.of("asInt", 1, 1, (c, a) -> toInt(a[0], "asInt")));
    add(t, Builtin.of("asFloat", 1, 1, (c, a) -> toFloat(a[0], "asFloat")));
    add(t, Builtin.of("string", 1, 1, (c, a) -> charged(c, GoFormat.format(a[0]))));
    add(t, Builtin.of("type", 1, 1, (c, a) -> Values.typeName(a[0])));
    add(t, Builtin.of("toJSON", 1, 1, (c, a) -> charged(c, JsonText.encode(a[0], "  "))));
    add(t, Builtin.of("toJson", 1, 1, (c, a) -> charged(c, JsonText.encode(a[0], ""))));
    add(t, Builtin.of("fromJSON", 1, 1, (c, a) -> JsonText.decode(charged(c, str(a, 0, "fromJSON")))));
    add(t, Builtin.of("toBase64", 1, 1, (c, a) ->
        Base64.getEncoder().encodeToString(str(a, 0, "toBase64").getBytes(StandardCharsets.UTF_8))));
    add(t, Builtin.of("fromBase64", 1, 1, (c, a) -> fromBase64(str(a, 0, "fromBase64"))));
    add(t, Builtin.of("jsonpath", 2, 2, (c, a) -> JsonPath.lookup(a[0], str(a, 1, "jsonpath"))));
  }

  private static String charged(EvalContext ctx, String s) {
    ctx.charge(s.length() / 16);
    return s;
  }

  static Object toInt(Object v, String fn) {
    if (v instanceof Long) {
      return v;
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new EvalFailure(fn + ": cannot convert " + GoFloat.formatV(d) + " to int");
      }
      return d.longValue();
    }
    if (v instanceof String s) {
      if (GO_INT.matcher(s).matches()) {
        try {
          return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
          throw new EvalFailure("strconv.ParseInt: parsing \"" + s + "\": value out of range");
        }
      }
      throw new EvalFailure("strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
    }
    throw new EvalFailure(fn + "() not supported on " + Values.typeName(v) + " " + GoFormat.format(v));
  }

  static Object toFloat(Object v, String fn) {
    if (Values.isNumber(v)) {
      return Values.toDouble(v);
    }
    if (v instanceof String s) {
      if (!GO_FLOAT.matcher(s).matches()) {
        throw new EvalFailure("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
      }
      String t = s.toLowerCase();
      if (t.contains("nan")) {
        return Double.NaN;
      }
      if (t.contains("inf")) {
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      return Double.parseDouble(s);
    }
    throw new EvalFailure(fn + "() not supported on " + Values.typeName(v) + " " + GoFormat.format(v));
  }

  private static Object fromBase64(String s) {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new EvalFailure("illegal base64 data: " + e.getMessage());
    }
  }
}
