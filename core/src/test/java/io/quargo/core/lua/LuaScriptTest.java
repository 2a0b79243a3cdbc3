package io.quargo.core.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LuaScriptTest {
  static final LuaLimits SMALL = new LuaLimits(200_000, 16L << 20, 1 << 16);
  static final JsonNode EVENT = json("{\"body\":{\"action\":\"opened\",\"n\":3,\"ok\":true,\"none\":null,"
      + "\"items\":[{\"id\":1},{\"id\":2}],\"ratio\":0.5}}");

  static JsonNode json(String s) {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Numbers compare by value: Lua returns doubles where Quargo's mapper reads BigDecimals. */
  static int sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  private static LuaScript lua(String src) {
    return LuaScript.compile(src, "test.lua");
  }

  @Test
  void filterPassesOnlyOnTrue() {
    assertThat(lua("return event.body.action == 'opened'").filter(EVENT, SMALL)).isTrue();
    assertThat(lua("return event.body.n > 5").filter(EVENT, SMALL)).isFalse();
    assertThat(lua("return 1").filter(EVENT, SMALL)).isFalse();
    assertThat(lua("local x = 1").filter(EVENT, SMALL)).isFalse();
    assertThat(lua("return #event.body.items == 2 and event.body.items[2].id == 2").filter(EVENT, SMALL)).isTrue();
    assertThat(lua("return event.body.none == nil and event.body.ok").filter(EVENT, SMALL)).isTrue();
  }

  @Test
  void transformReturnsATable() {
    JsonNode out = lua("event.body.extra = 'x'; event.body.n = event.body.n * 2; return event")
        .transform(EVENT, SMALL);
    assertThat(out.at("/body/extra").asText()).isEqualTo("x");
    assertThat(out.at("/body/n").asLong()).isEqualTo(6);
    assertThat(out.at("/body/items/1/id").asInt()).isEqualTo(2);
    assertThat(out.at("/body/ratio").asDouble()).isEqualTo(0.5);
    assertThatThrownBy(() -> lua("return 'nope'").transform(EVENT, SMALL))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageContaining("didn't return a table (got string)");
  }

  @Test
  void argoCdHealthCheck() {
    String script = """
        hs = {}
        if obj.status ~= nil and obj.status.readyReplicas == obj.spec.replicas then
          hs.status = "Healthy"
          hs.message = "all " .. obj.spec.replicas .. " replicas ready"
          return hs
        end
        hs.status = "Progressing"
        hs.message = "Waiting for rollout"
        return hs
        """;
    LuaScript s = lua(script);
    assertThat(s.health(json("{\"spec\":{\"replicas\":2},\"status\":{\"readyReplicas\":2}}"), SMALL))
        .isEqualTo(new LuaHealth("Healthy", "all 2 replicas ready"));
    assertThat(s.health(json("{\"spec\":{\"replicas\":2}}"), SMALL))
        .isEqualTo(new LuaHealth("Progressing", "Waiting for rollout"));
    assertThatThrownBy(() -> lua("return {}").health(json("{}"), SMALL))
        .hasMessageContaining("must return a table with a string status");
  }

  @Test
  void compileErrorNamesTheLine() {
    assertThatThrownBy(() -> lua("local a = 1\nlocal = 2"))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageMatching("invalid Lua script 'test.lua': .* at line 2");
  }

  @Test
  void runtimeErrorNamesTheLine() {
    assertThatThrownBy(() -> lua("local a = 1\nreturn event.missing.field").filter(EVENT, SMALL))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageContaining("at line 2");
    assertThatThrownBy(() -> lua("error('custom failure')").filter(EVENT, SMALL))
        .hasMessageContaining("custom failure");
  }

  @Test
  void infiniteLoopHitsTheInstructionBudget() {
    assertThatThrownBy(() -> lua("while true do end").filter(EVENT, SMALL))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageContaining("exceeded its budget of 200000 instructions");
    assertThatThrownBy(() -> lua("while true do pcall(function() while true do end end) end").filter(EVENT, SMALL))
        .hasMessageContaining("instructions");
  }

  @Test
  void runawayRecursionIsAnError() {
    assertThatThrownBy(() -> lua("local function f(n) return f(n + 1) + 1 end return f(1)")
        .filter(EVENT, new LuaLimits(50_000_000, 1L << 30, 1 << 16)))
        .isInstanceOf(LuaScriptException.class);
  }

  @Test
  void memoryGrowthHitsTheMemoryBudget() {
    assertThatThrownBy(() -> lua("local s = 'x' while true do s = s .. s end").filter(EVENT,
        new LuaLimits(10_000_000, 16L << 20, 1 << 16)))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageContaining("memory budget");
    assertThatThrownBy(() -> lua("local t = {} for i = 1, 1e9 do t[i] = i end").filter(EVENT,
        new LuaLimits(100_000_000, 16L << 20, 1 << 16)))
        .hasMessageContaining("memory budget");
  }

  @Test
  void stringRepIsBounded() {
    assertThatThrownBy(() -> lua("return string.rep('x', 1e9)").filter(EVENT, SMALL))
        .hasMessageContaining("string.rep would build more than 65536 bytes");
    assertThatThrownBy(() -> lua("return ('x'):rep(1e9)").filter(EVENT, SMALL))
        .hasMessageContaining("string.rep would build more than");
    assertThat(lua("return #string.rep('ab', 3) == 6").filter(EVENT, SMALL)).isTrue();
  }

  @Test
  void noIoOsOrLoaders() {
    for (String global : new String[] {"io", "os", "luajava", "debug", "require", "dofile", "loadfile", "load",
        "package", "collectgarbage", "coroutine"}) {
      assertThat(lua("return " + global + " == nil").filter(EVENT, SMALL)).as(global).isTrue();
    }
    assertThat(lua("return string.dump == nil and getmetatable('') == nil").filter(EVENT, SMALL)).isTrue();
    assertThat(lua("print('quiet') return true").filter(EVENT, SMALL)).isTrue();
  }

  @Test
  void runsDoNotShareState() {
    LuaScript s = lua("counter = (counter or 0) + 1; string.upper = nil; return counter == 1");
    assertThat(s.filter(EVENT, SMALL)).isTrue();
    assertThat(s.filter(EVENT, SMALL)).isTrue();
    assertThat(lua("return ('a'):upper() == 'A' and string.upper('b') == 'B'").filter(EVENT, SMALL)).isTrue();
  }

  @Test
  void jsonRoundTrip() {
    JsonNode doc = json("{\"a\":[1,2,{\"b\":\"c\"}],\"d\":1.5,\"e\":false,\"big\":12345678901}");
    JsonNode back = lua("return data").run(Map.of("data", doc), SMALL).get(0);
    assertThat(back.equals(LuaScriptTest::sameJson, doc)).as("%s vs %s", back, doc).isTrue();
    assertThat(lua("return {}").run(Map.of(), SMALL)).containsExactly(json("{}"));
    assertThat(lua("return 1, 'two', nil").run(Map.of(), SMALL)).extracting(JsonNode::toString)
        .containsExactly("1", "\"two\"", "null");
    assertThatThrownBy(() -> lua("return print").run(Map.of(), SMALL))
        .hasMessageContaining("cannot convert a Lua function to JSON");
    assertThatThrownBy(() -> lua("local t = {} t.self = t return t").run(Map.of(), SMALL))
        .hasMessageContaining("nested more than");
  }

  @Test
  void pathologicalPatternsAreRefusedTypicalOnesRun() {
    LuaLimits big = new LuaLimits(1_000_000, 64L << 20, 1 << 20);
    assertThatThrownBy(() -> lua("return string.find(string.rep('a', 100000), 'a*a*a*b')").filter(EVENT, big))
        .isInstanceOf(LuaScriptException.class)
        .hasMessageContaining("could backtrack for too long");
    assertThatThrownBy(() -> lua("return (string.rep('a', 100000)):match('a-a-b')").filter(EVENT, big))
        .hasMessageContaining("could backtrack for too long");
    assertThat(lua("return string.match('Deployment has 2/2 replicas', '(%d+)/(%d+)') == '2'")
        .filter(EVENT, big)).isTrue();
    assertThat(lua("return select(2, string.gsub('a-b-c', '-', '+')) == 2").filter(EVENT, big)).isTrue();
    assertThat(lua("return string.find('x*y', '*', 1, true) == 2").filter(EVENT, big)).isTrue();
    assertThat(lua("return ('key=value'):match('^(%w+)=(%w+)$') == 'key'").filter(EVENT, big)).isTrue();
  }

  @Test
  void repeatedItemCount() {
    assertThat(PatternGuard.repeatedItems(org.luaj.vm2.LuaString.valueOf("a*%*[*+-]b+c-"))).isEqualTo(3);
    assertThat(PatternGuard.repeatedItems(org.luaj.vm2.LuaString.valueOf("-abc"))).isZero();
    assertThat(PatternGuard.repeatedItems(org.luaj.vm2.LuaString.valueOf("[]*]x"))).isZero();
  }
}
