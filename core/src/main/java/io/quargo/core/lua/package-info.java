/**
 * Lua via LuaJ for Sensor script filters and transforms and Argo CD health checks, in a sandbox: fresh globals per
 * run with only base/string/table/math/bit32 (no io, os, luajava, coroutine, debug, loaders, string.dump), a
 * per-instruction CPU budget and an allocation-based memory budget that pcall cannot catch, and a bounded
 * {@code string.rep}.
 *
 * <p>Known gaps: Argo uses gopher-lua (Lua 5.1) where LuaJ is Lua 5.2; Lua pattern matching
 * ({@code string.find/match/gsub}) runs inside one library call, so a pathological pattern is not interrupted by
 * the instruction budget; the memory budget needs HotSpot's per-thread allocation counter and is off without it.
 */
package io.quargo.core.lua;
