package io.quargo.core.lua;

/** A Lua script that does not compile, fails, or exceeds its limits; the message names the line when known. */
public final class LuaScriptException extends RuntimeException {
  LuaScriptException(String message, Throwable cause) {
    super(message, cause);
  }
}
