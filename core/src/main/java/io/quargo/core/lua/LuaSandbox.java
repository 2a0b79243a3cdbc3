package io.quargo.core.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Builds fresh globals for each run: base, string, table, math and bit32 only - no io, os, luajava, coroutine,
 * debug, package/require, load/loadfile/dofile, string.dump or collectgarbage; print is a no-op.
 */
final class LuaSandbox {
  static {
    // LuaJ keeps one JVM-wide string metatable (for ("x"):upper()), taken from the first StringLib loaded.
    // Load a private one first so scripts never share, or reach, a table another script can modify.
    Globals hidden = new Globals();
    hidden.load(new JseBaseLib());
    hidden.load(new PackageLib());
    hidden.load(new StringLib());
    LuaValue strings = hidden.get("string");
    if (LuaString.s_metatable == null) {
      LuaString.s_metatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, strings});
    }
    harden((LuaTable) LuaString.s_metatable.get(LuaValue.INDEX), 1 << 20);
  }

  private static final String[] REMOVED = {"dofile", "loadfile", "load", "loadstring", "require", "package",
      "collectgarbage", "debug", "module"};

  private LuaSandbox() {}

  static Globals globals(LuaLimits limits, RunBudget budget) {
    Globals g = new Globals();
    g.load(new JseBaseLib());
    g.load(new PackageLib());
    g.load(new Bit32Lib());
    g.load(new TableLib());
    g.load(new StringLib());
    g.load(new JseMathLib());
    g.load(budget);
    for (String name : REMOVED) {
      g.set(name, LuaValue.NIL);
    }
    g.set("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return LuaValue.NONE;
      }
    });
    LuaValue getmetatable = g.get("getmetatable");
    g.set("getmetatable", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return args.arg1().isstring() ? LuaValue.NIL : getmetatable.invoke(args);
      }
    });
    harden((LuaTable) g.get("string"), limits.maxStringBytes());
    return g;
  }

  /** string.rep and pattern matching do unbounded work in one call, out of reach of the instruction budget. */
  private static void harden(LuaTable strings, int maxBytes) {
    PatternGuard.install(strings);
    LuaValue rep = strings.get("rep");
    strings.set("dump", LuaValue.NIL);
    strings.set("rep", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        long len = args.checkstring(1).length();
        long n = Math.max(0, args.checklong(2));
        long sep = args.isnoneornil(3) ? 0 : args.checkstring(3).length();
        if (len * n + sep * Math.max(0, n - 1) > maxBytes) {
          throw new LuaError("string.rep would build more than " + maxBytes + " bytes");
        }
        return rep.invoke(args);
      }
    });
  }
}
