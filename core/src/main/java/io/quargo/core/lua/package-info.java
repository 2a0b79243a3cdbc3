/**
 * Lua via LuaJ for Sensor script filters and transforms and Argo CD health checks, in a sandbox: fresh globals per
 * run with only base/string/table/math/bit32 (no io, os, luajava, coroutine, debug, loaders, string.dump), a
 * per-instruction CPU budget and an allocation-based memory budget that pcall cannot catch, a bounded
 * {@code string.rep}, and a worst-case estimate that refuses pattern matches which could backtrack for seconds.
 *
 * <p>Known gaps: Argo uses gopher-lua (Lua 5.1) where LuaJ is Lua 5.2; the pattern guard is an estimate
 * (n^k for k repeated items), so it may refuse a heavy-but-fine match on a very long string; the memory budget
 * needs HotSpot's per-thread allocation counter and is off without it.
 */
package io.quargo.core.lua;
