package io.quargo.core.lua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * JSON to Lua and back, the way the Go bridges Argo uses do: objects and arrays become tables (arrays 1-based),
 * JSON null becomes nil; a table whose keys are exactly 1..n becomes an array, any other table an object.
 */
final class LuaJson {
  static final int MAX_DEPTH = 100;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LuaJson() {}

  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isTextual()) {
      return LuaValue.valueOf(node.asText());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isNumber()) {
      return node.canConvertToInt() && node.isIntegralNumber() ? LuaValue.valueOf(node.asInt())
          : LuaValue.valueOf(node.asDouble());
    }
    LuaTable t = new LuaTable();
    if (node.isArray()) {
      int i = 1;
      for (JsonNode element : node) {
        t.set(i++, toLua(element));
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        t.set(e.getKey(), toLua(e.getValue()));
      }
    }
    return t;
  }

  static JsonNode toJson(LuaValue v) {
    return toJson(v, 0);
  }

  private static JsonNode toJson(LuaValue v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new LuaScriptException("table nested more than " + MAX_DEPTH + " levels (a cycle?)", null);
    }
    switch (v.type()) {
      case LuaValue.TNIL:
        return NODES.nullNode();
      case LuaValue.TBOOLEAN:
        return NODES.booleanNode(v.toboolean());
      case LuaValue.TNUMBER:
        double d = v.todouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
      case LuaValue.TSTRING:
        return NODES.textNode(v.tojstring());
      case LuaValue.TTABLE:
        return table((LuaTable) v, depth);
      default:
        throw new LuaScriptException("cannot convert a Lua " + v.typename() + " to JSON", null);
    }
  }

  private static JsonNode table(LuaTable t, int depth) {
    int n = t.length();
    if (n > 0 && n == count(t)) {
      ArrayNode a = NODES.arrayNode();
      for (int i = 1; i <= n; i++) {
        a.add(toJson(t.get(i), depth + 1));
      }
      return a;
    }
    ObjectNode o = NODES.objectNode();
    for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
      LuaValue key = e.arg1();
      if (!key.isstring()) {
        throw new LuaScriptException("cannot convert a table with " + key.typename() + " keys to a JSON object"
            + " (mix of array and map?)", null);
      }
      o.set(key.tojstring(), toJson(e.arg(2), depth + 1));
    }
    return o;
  }

  private static int count(LuaTable t) {
    int c = 0;
    for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
      c++;
    }
    return c;
  }
}
