package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The public surface: compile once/run many, positions, limits, host values and the function registry. */
class ExprApiTest {

  @Test
  void compiledProgramIsReusableAcrossEnvironments() {
    Program p = Expr.compile("inputs.parameters.count > 3 && workflow.status == \"Succeeded\"");
    assertThat(p.test(Map.of("inputs", Map.of("parameters", Map.of("count", 5)),
        "workflow", Map.of("status", "Succeeded")))).isTrue();
    assertThat(p.test(Map.of("inputs", Map.of("parameters", Map.of("count", 2)),
        "workflow", Map.of("status", "Succeeded")))).isFalse();
  }

  @Test
  void hostIntegersAndBigDecimalsAreNormalised() {
    Map<String, Object> env = Map.of("i", 7, "d", new java.math.BigDecimal("2.5"), "f", 1.5f, "l", List.of(1, 2));
    assertThat(Expr.eval("i + 1", env)).isEqualTo(8L);
    assertThat(Expr.eval("d * 2", env)).isEqualTo(5.0);
    assertThat(Expr.eval("f", env)).isEqualTo(1.5);
    assertThat(Expr.eval("l[1] + 0", env)).isEqualTo(2L);
    assertThat(Expr.eval("type(l[0])", env)).isEqualTo("int");
  }

  @Test
  void jacksonTreesAreReadWithoutCopying() throws Exception {
    var body = new ObjectMapper().readTree("{\"a\":{\"b\":[1,2.5,\"x\",null]}}");
    Map<String, Object> env = Map.of("body", body);
    assertThat(Expr.eval("body.a.b[0]", env)).isEqualTo(1L);
    assertThat(Expr.eval("body.a.b[1]", env)).isEqualTo(2.5);
    assertThat(Expr.eval("body.a.b[2]", env)).isEqualTo("x");
    assertThat(Expr.eval("body.a.b[3]", env)).isNull();
    assertThat(Expr.eval("toJson(body)", env)).isEqualTo("{\"a\":{\"b\":[1,2.5,\"x\",null]}}");
  }

  @Test
  void aJsonObjectCanBeTheWholeEnvironment() throws Exception {
    var data = new ObjectMapper().readTree("{\"id\": 4, \"name\": \"Mike\"}");
    assertThat(Expr.compile("id == 4 && name != 'Joe'").runJson(data)).isEqualTo(true);
    assertThatThrownBy(() -> Expr.compile("1").runJson(new ObjectMapper().readTree("[1]")))
        .isInstanceOf(ExprException.class).hasMessageContaining("must be a JSON object, got array");
  }

  @Test
  void errorsNameLineAndColumnAcrossLines() {
    assertThatThrownBy(() -> Expr.compile("1 +\n  )"))
        .isInstanceOfSatisfying(ExprException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(3);
          assertThat(e.reason()).isEqualTo("unexpected token ')'");
          assertThat(e.getMessage()).isEqualTo("unexpected token ')' at 2:3");
        });
    assertThatThrownBy(() -> Expr.eval("a &&\n  nope", Map.of("a", true)))
        .hasMessage("unknown name nope at 2:3");
  }

  @Test
  void registryResolvesNamespacedCallsAndPipes() {
    List<List<Object>> seen = new ArrayList<>();
    FunctionRegistry sprig = FunctionRegistry.of(Map.of("repeat", args -> {
      seen.add(args);
      return ((String) args.get(1)).repeat(((Long) args.get(0)).intValue());
    }));
    ExprOptions options = ExprOptions.DEFAULT.withFunctions(FunctionRegistry.namespaced("sprig", sprig));
    assertThat(Expr.compile("sprig.repeat(2, 'ab')", options).run(Map.of())).isEqualTo("abab");
    assertThat(Expr.compile("3 | sprig.repeat('x')", options).run(Map.of())).isEqualTo("xxx");
    assertThat(seen).containsExactly(List.of(2L, "ab"), List.of(3L, "x"));
  }

  @Test
  void registryFailuresBecomeExprExceptionsAtTheCall() {
    ExprOptions options = ExprOptions.DEFAULT.withFunctions(FunctionRegistry.of(Map.of(
        "sprig.fail", args -> {
          throw new IllegalArgumentException("boom");
        },
        "sprig.cast", args -> (String) args.get(0))));
    assertThatThrownBy(() -> Expr.compile("1 + sprig.fail()", options).run(Map.of()))
        .isInstanceOf(ExprException.class).hasMessage("sprig.fail: boom at 1:11");
    assertThatThrownBy(() -> Expr.compile("sprig.cast(1)", options).run(Map.of()))
        .isInstanceOf(ExprException.class).hasMessageStartingWith("sprig.cast: ");
    assertThatThrownBy(() -> Expr.compile("sprig.other()", options))
        .hasMessage("unknown func sprig.other at 1:7");
  }

  @Test
  void functionValuesInTheEnvironmentAreCallable() {
    Map<String, Object> env = Map.of("double", (ExprFunction) args -> (Long) args.get(0) * 2,
        "lib", Map.of("inc", (ExprFunction) args -> (Long) args.get(0) + 1));
    assertThat(Expr.eval("double(21)", env)).isEqualTo(42L);
    assertThat(Expr.eval("lib.inc(1)", env)).isEqualTo(2L);
  }

  @Test
  void stepBudgetIsConfigurableAndStopsRunawayWork() {
    ExprOptions small = ExprOptions.DEFAULT.withMaxSteps(100);
    assertThat(Expr.compile("1 + 1", small).run(Map.of())).isEqualTo(2L);
    assertThatThrownBy(() -> Expr.compile("map(1..1000, # * 2)", small).run(Map.of()))
        .isInstanceOf(ExprException.class).hasMessageContaining("step budget of 100 exceeded");
    assertThatThrownBy(() -> Expr.eval("map(1..1000, map(1..1000, map(1..1000, #)))", Map.of()))
        .hasMessageContaining("step budget");
  }

  @Test
  void catastrophicRegexIsBoundedByTheBudget() {
    // Exponential backtracking in Java's engine (seconds without the budget).
    String evil = "'" + "a".repeat(30) + "!' matches '^(.*a){12}$'";
    assertThatThrownBy(() -> Expr.eval(evil, Map.of())).hasMessageContaining("step budget");
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    for (String open : List.of("(", "[", "-", "!", "not ", "{a: ")) {
      String src = open.repeat(20_000) + "1";
      assertThatThrownBy(() -> Expr.compile(src)).isInstanceOf(ExprException.class)
          .hasMessageContaining("nested too deeply");
    }
    String longChain = "1" + " + 1".repeat(40_000);
    assertThatThrownBy(() -> Expr.compile(longChain)).hasMessageContaining("nested too deeply");
    String members = "a" + ".b".repeat(40_000);
    assertThatThrownBy(() -> Expr.compile("1+".repeat(60_000) + "1")).hasMessageContaining("too many tokens");
    assertThatThrownBy(() -> Expr.compile(members)).hasMessageContaining("nested too deeply");
    assertThat(Expr.eval("1" + " + 1".repeat(300), Map.of())).isEqualTo(301L);
    assertThat(Expr.eval("a == 0" + " || a == 1".repeat(300), Map.of("a", 1))).isEqualTo(true);
    assertThat(Expr.eval("(".repeat(100) + "1" + ")".repeat(100), Map.of())).isEqualTo(1L);
  }

  @Test
  void sharedBigValuesCannotMultiplyWorkOrMemory() {
    // One range referenced many times: cheap to build, expensive to compare, format or scan.
    String big = "let n = 1..200000; ";
    assertThatThrownBy(() -> Expr.eval(big + "map(1..1000, [n, n] == [n, n])", Map.of()))
        .hasMessageContaining("step budget");
    assertThatThrownBy(() -> Expr.eval(big + "len(string(map(1..1000, n)))", Map.of()))
        .isInstanceOf(ExprException.class);
    assertThatThrownBy(() -> Expr.eval(big + "len(toJson(map(1..1000, n)))", Map.of()))
        .isInstanceOf(ExprException.class);
    assertThatThrownBy(() -> Expr.eval(big + "map(1..1000, sum(n))", Map.of()))
        .hasMessageContaining("step budget");
    assertThatThrownBy(() -> Expr.eval(big + "map(1..1000, -1 in n)", Map.of()))
        .hasMessageContaining("step budget");
    assertThatThrownBy(() -> Expr.eval(big + "map(1..1000, len(n[1:]))", Map.of()))
        .hasMessageContaining("step budget");
    String text = "let s = repeat('a', 4000000); ";
    for (String use : List.of("upper(s)", "s contains 'b'", "s == s + ''", "toBase64(s)", "s[1:]")) {
      assertThatThrownBy(() -> Expr.eval(text + "map(1..1000, " + use + ")", Map.of()))
          .as(use).hasMessageContaining("step budget");
    }
  }

  @Test
  void deeplyNestedValuesBuiltAtRuntimeFailCleanly() {
    assertThatThrownBy(() -> Expr.eval("string(reduce(1..100000, [#acc], []))", Map.of()))
        .isInstanceOf(ExprException.class);
    assertThatThrownBy(() -> Expr.eval("toJSON(reduce(1..100000, [#acc], []))", Map.of()))
        .isInstanceOf(ExprException.class);
  }

  @Test
  void testRequiresABoolean() {
    assertThatThrownBy(() -> Expr.compile("1 + 1").test(Map.of()))
        .hasMessage("expected bool, but got int at 1:3");
  }

  @Test
  void undefinedNamesMayBeAllowed() {
    ExprOptions lax = ExprOptions.DEFAULT.withAllowUndefined(true);
    assertThat(Expr.compile("missing == nil", lax).run(Map.of())).isEqualTo(true);
    assertThatThrownBy(() -> Expr.eval("missing == nil", Map.of())).hasMessage("unknown name missing at 1:1");
  }

  @Test
  void programsAreSafeToShareBetweenThreads() throws Exception {
    Program p = Expr.compile("sum(map(1..100, # * x))");
    Map<Long, Object> results = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (long x = 1; x <= 8; x++) {
      long k = x;
      Thread t = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          results.put(k, p.run(Map.of("x", k)));
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    for (long x = 1; x <= 8; x++) {
      assertThat(results.get(x)).isEqualTo(5050L * x);
    }
  }

  @Test
  void programsListTheVariablePathsTheyRead() {
    ExprOptions options = ExprOptions.DEFAULT.withFunctions(
        FunctionRegistry.of(Map.of("sprig.upper", args -> args.get(0))));
    Program p = Expr.compile("steps['a-b'].outputs.result == 'x' && asInt(inputs.parameters.count) > 1"
        + " && sprig.upper(workflow.name) != '' && len(map(items, .name)) > 0 && tasks[key].id != nil"
        + " && (let v = 1; v + 1) > 0 && a?.b ?? 0 > now().Unix() && lib.fn(1) && $env.x", options);
    assertThat(p.references()).containsExactlyInAnyOrder("steps.a-b.outputs.result", "inputs.parameters.count",
        "workflow.name", "items", "tasks", "key", "a.b", "lib");
  }

  @Test
  void goJsonIsPublicForTemplateSubstitution() {
    assertThat(GoFormat.json(Expr.eval("{b: [1, 2.5, 3.0], a: '<x>'}", Map.of())))
        .isEqualTo("{\"a\":\"\\u003cx\\u003e\",\"b\":[1,2.5,3]}");
    assertThatThrownBy(() -> GoFormat.json(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goFormattingIsPublicForTemplateSubstitution() {
    assertThat(GoFormat.format(Expr.eval("{b: [1, 2.5], a: nil}", Map.of()))).isEqualTo("map[a:<nil> b:[1 2.5]]");
  }
}
