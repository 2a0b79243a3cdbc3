package io.quargo.sensor.spec;

import io.quargo.core.jq.JqProgram;
import io.quargo.core.lua.LuaScript;

/** {@code transform}: a jq program or a Lua script replacing the event data; jq wins when both are given. */
public record Transform(JqProgram jq, LuaScript script) {
}
