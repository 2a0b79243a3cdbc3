package io.quargo.sensor.spec;

import static io.quargo.sensor.spec.SpecReader.list;
import static io.quargo.sensor.spec.SpecReader.object;
import static io.quargo.sensor.spec.SpecReader.requireObject;
import static io.quargo.sensor.spec.SpecReader.scalar;
import static io.quargo.sensor.spec.SpecReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.gjson.GjsonPathException;
import io.quargo.core.govaluate.GovaluateException;
import io.quargo.core.govaluate.GovaluateExpression;
import io.quargo.core.govaluate.GovaluateMode;
import io.quargo.core.jq.JqException;
import io.quargo.core.jq.JqProgram;
import io.quargo.core.lua.LuaScript;
import io.quargo.core.lua.LuaScriptException;
import io.quargo.core.template.Template;
import io.quargo.core.template.TemplateException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a dependency's {@code filters} and {@code transform}, compiling every expression once. */
final class FilterParser {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private FilterParser() {}

  static DependencyFilters filters(JsonNode dep, String depPath) {
    JsonNode f = object(dep, "filters", depPath);
    if (f == null) {
      return DependencyFilters.NONE;
    }
    String path = depPath + ".filters";
    JsonNode ctx = object(f, "context", path);
    JsonNode time = object(f, "time", path);
    String script = text(f, "script", path);
    return new DependencyFilters(
        list(f, "data", path, FilterParser::data),
        LogicalOperator.read(f, "dataLogicalOperator", path),
        list(f, "exprs", path, FilterParser::expr),
        LogicalOperator.read(f, "exprLogicalOperator", path),
        ctx == null ? null : context(ctx, path + ".context"),
        time == null ? null : time(time, path + ".time"),
        script.isBlank() ? null : lua(script, path + ".script"));
  }

  static Transform transform(JsonNode dep, String depPath) {
    JsonNode t = object(dep, "transform", depPath);
    if (t == null) {
      return null;
    }
    String path = depPath + ".transform";
    String jq = text(t, "jq", path);
    String script = text(t, "script", path);
    if (jq.isBlank() && script.isBlank()) {
      throw new SensorSpecException(path, "needs a jq program or a Lua script");
    }
    if (!jq.isBlank()) {
      try {
        return new Transform(JqProgram.compile(jq), null);
      } catch (JqException e) {
        throw new SensorSpecException(path + ".jq", e.getMessage());
      }
    }
    return new Transform(null, lua(script, path + ".script"));
  }

  private static DataFilter data(JsonNode node, String path) {
    requireObject(node, path);
    GjsonPath gjson = gjson(SpecReader.requiredText(node, "path", path), path + ".path");
    JsonType type = JsonType.parse(text(node, "type", path), path + ".type");
    List<String> values = list(node, "value", path, SpecReader::scalar);
    if (values.isEmpty()) {
      throw new SensorSpecException(path + ".value", "needs at least one value to compare with");
    }
    Comparator comparator = Comparator.parse(scalar(node.get("comparator"), path + ".comparator"),
        path + ".comparator");
    if (type != JsonType.NUMBER && comparator != Comparator.EQUAL && comparator != Comparator.NOT_EQUAL) {
      throw new SensorSpecException(path + ".comparator",
          "'" + comparator.symbol() + "' only applies to type number; strings and bools use = or !=");
    }
    String template = text(node, "template", path);
    List<Pattern> regexes = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    List<Boolean> bools = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String at = path + ".value[" + i + "]";
      switch (type) {
        case STRING -> regexes.add(regex(v, at));
        case NUMBER -> numbers.add(number(v, at));
        case BOOL -> bools.add(bool(v, at));
      }
    }
    return new DataFilter(path, gjson, type, values, comparator,
        template.isEmpty() ? null : template(template, path + ".template"), regexes, numbers, bools);
  }

  private static ExprFilter expr(JsonNode node, String path) {
    requireObject(node, path);
    String text = SpecReader.requiredText(node, "expr", path);
    GovaluateExpression expr;
    try {
      expr = GovaluateExpression.parse(text, GovaluateMode.VARIABLES);
    } catch (GovaluateException e) {
      throw new SensorSpecException(path + ".expr", "invalid expression: " + e.getMessage());
    }
    Map<String, GjsonPath> fields = new LinkedHashMap<>();
    List<JsonNode> raw = list(node, "fields", path, (n, p) -> requireObject(n, p));
    for (int i = 0; i < raw.size(); i++) {
      String at = path + ".fields[" + i + "]";
      String name = SpecReader.requiredText(raw.get(i), "name", at);
      fields.put(name, gjson(SpecReader.requiredText(raw.get(i), "path", at), at + ".path"));
    }
    for (String variable : expr.variables()) {
      if (!fields.containsKey(variable)) {
        throw new SensorSpecException(path + ".fields", "the expression uses '" + variable
            + "' but no field has that name; add {name: " + variable + ", path: <gjson path in the event data>}");
      }
    }
    return new ExprFilter(path, expr, fields);
  }

  private static ContextFilter context(JsonNode node, String path) {
    return new ContextFilter(text(node, "type", path), text(node, "subject", path), text(node, "source", path),
        text(node, "datacontenttype", path));
  }

  private static TimeFilter time(JsonNode node, String path) {
    LocalTime start = clock(SpecReader.requiredText(node, "start", path), path + ".start");
    LocalTime stop = clock(SpecReader.requiredText(node, "stop", path), path + ".stop");
    return new TimeFilter(start, stop, zone(text(node, "timezone", path), path + ".timezone"));
  }

  static ZoneId zone(String text, String path) {
    if (text.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new SensorSpecException(path, "unknown time zone '" + text + "'; use an IANA name such as Europe/Paris");
    }
  }

  private static LocalTime clock(String text, String path) {
    try {
      return LocalTime.parse(text, CLOCK);
    } catch (DateTimeParseException e) {
      throw new SensorSpecException(path, "must be a time of day as hh:mm:ss (e.g. 09:30:00), got '" + text + "'");
    }
  }

  static GjsonPath gjson(String text, String path) {
    try {
      return GjsonPath.compile(text);
    } catch (GjsonPathException e) {
      throw new SensorSpecException(path, "invalid gjson path: " + e.getMessage());
    }
  }

  static Template template(String text, String path) {
    try {
      return Template.parse(path, text);
    } catch (TemplateException e) {
      throw new SensorSpecException(path, "invalid Go template: " + e.getMessage());
    }
  }

  private static LuaScript lua(String source, String path) {
    try {
      return LuaScript.compile(source, path);
    } catch (LuaScriptException e) {
      throw new SensorSpecException(path, e.getMessage());
    }
  }

  private static Pattern regex(String v, String path) {
    try {
      return Pattern.compile(v);
    } catch (PatternSyntaxException e) {
      throw new SensorSpecException(path, "string values are regular expressions and '" + v
          + "' is not one: " + e.getDescription() + "; escape special characters with \\\\");
    }
  }

  private static double number(String v, String path) {
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new SensorSpecException(path, "must be a number for type number, got '" + v + "'");
    }
  }

  /** Go's strconv.ParseBool. */
  static boolean bool(String v, String path) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new SensorSpecException(path, "must be true or false for type bool, got '" + v + "'");
    };
  }
}
