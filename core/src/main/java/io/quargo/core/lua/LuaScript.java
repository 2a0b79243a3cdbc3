package io.quargo.core.lua;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;

/**
 * A Lua script compiled once and run many times, each run in fresh sandboxed globals under {@link LuaLimits}.
 * Serves Sensor script filters ({@code event} global, passes on {@code true}), Sensor transforms (must return a
 * table) and Argo CD health checks ({@code obj} global, returns {@code {status, message}}). Thread-safe.
 */
public final class LuaScript {
  private static final Pattern LINE = Pattern.compile(":(\\d+):? (.*)", Pattern.DOTALL);
  private static final Globals COMPILER = compilerGlobals();

  private final String name;
  private final Prototype prototype;

  private LuaScript(String name, Prototype prototype) {
    this.name = name;
    this.prototype = prototype;
  }

  /** @throws LuaScriptException with the line and the parser's reason */
  public static LuaScript compile(String source, String name) {
    try {
      synchronized (COMPILER) {
        return new LuaScript(name, COMPILER.compilePrototype(new StringReader(source), name));
      }
    } catch (LuaError e) {
      throw new LuaScriptException("invalid Lua script " + located(name, e.getMessage()), e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new LuaScriptException("invalid Lua script '" + name + "': " + e, null);
    }
  }

  /** Runs with the given globals (converted from JSON) and returns every returned value as JSON. */
  public List<JsonNode> run(Map<String, JsonNode> globals, LuaLimits limits) {
    List<JsonNode> out = new ArrayList<>();
    Varargs result = execute(globals, limits);
    for (int i = 1; i <= result.narg(); i++) {
      out.add(LuaJson.toJson(result.arg(i)));
    }
    return out;
  }

  /** Sensor script filter: passes only if the script's last returned value is {@code true}. */
  public boolean filter(JsonNode event, LuaLimits limits) {
    Varargs r = execute(Map.of("event", event), limits);
    return r.narg() > 0 && r.arg(r.narg()) == LuaValue.TRUE;
  }

  /** Sensor transform: the script must return a table, which becomes the new event data. */
  public JsonNode transform(JsonNode event, LuaLimits limits) {
    Varargs r = execute(Map.of("event", event), limits);
    LuaValue last = r.narg() == 0 ? LuaValue.NIL : r.arg(r.narg());
    if (!last.istable()) {
      throw new LuaScriptException("transformation script '" + name + "' didn't return a table (got "
          + last.typename() + ")", null);
    }
    return LuaJson.toJson(last);
  }

  /** Argo CD health check: {@code obj} is the resource; the script returns {@code {status=..., message=...}}. */
  public LuaHealth health(JsonNode obj, LuaLimits limits) {
    Varargs r = execute(Map.of("obj", obj), limits);
    LuaValue hs = r.arg1();
    if (!hs.istable() || !hs.get("status").isstring()) {
      throw new LuaScriptException("health script '" + name + "' must return a table with a string status, got "
          + hs.typename(), null);
    }
    LuaValue message = hs.get("message");
    return new LuaHealth(hs.get("status").tojstring(), message.isnil() ? "" : message.tojstring());
  }

  private Varargs execute(Map<String, JsonNode> vars, LuaLimits limits) {
    RunBudget budget = new RunBudget(limits);
    Globals g = LuaSandbox.globals(limits, budget);
    vars.forEach((k, v) -> g.set(k, LuaJson.toLua(v)));
    try {
      return new LuaClosure(prototype, g).invoke(LuaValue.NONE);
    } catch (RunBudget.Exceeded e) {
      throw new LuaScriptException("Lua script '" + name + "': " + e.getMessage(), null);
    } catch (LuaError e) {
      throw new LuaScriptException("Lua script " + located(name, e.getMessage()), e);
    } catch (StackOverflowError e) {
      throw new LuaScriptException("Lua script '" + name + "' recursed too deeply", null);
    } catch (RuntimeException e) {
      throw new LuaScriptException("Lua script '" + name + "' failed: " + e, e);
    }
  }

  /** Turns LuaJ's "name:3: reason" into "'name': reason at line 3". */
  private static String located(String name, String message) {
    String m = String.valueOf(message);
    Matcher matcher = LINE.matcher(m);
    if (matcher.find()) {
      return "'" + name + "': " + matcher.group(2).strip() + " at line " + matcher.group(1);
    }
    return "'" + name + "': " + m;
  }

  private static Globals compilerGlobals() {
    Globals g = new Globals();
    LuaC.install(g);
    return g;
  }
}
