package io.quargo.sensor.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.EventDependency;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DependencyEvaluatorTest {
  private final DependencyEvaluator evaluator = new DependencyEvaluator();

  private static EventDependency dep(String yaml) {
    String spec = "dependencies:\n  - name: d\n    eventSourceName: webhook\n    eventName: example\n"
        + yaml.stripIndent().lines().map(l -> "    " + l + "\n").reduce("", String::concat)
        + "triggers: [{template: {name: t, log: {}}}]\n";
    return Yaml.sensor(spec).dependencies().get(0);
  }

  private static CloudEvent event(String json) {
    return event(json, Instant.parse("2024-03-10T12:00:00Z"));
  }

  private static CloudEvent event(String json, Instant time) {
    return CloudEvent.builder().id("e1").source("webhook").type("webhook").subject("example").time(time)
        .data(Json.parse(json.getBytes(StandardCharsets.UTF_8))).build();
  }

  private Verdict run(String depYaml, String data) {
    return evaluator.evaluate(dep(depYaml), event(data));
  }

  @Test
  void upstreamAdvancedDataFilterPasses() {
    String filters = """
        filters:
          data:
            - {path: a, type: bool, value: ["true"]}
            - {path: b.c, type: number, value: ["3.14"]}
            - {path: b.d, type: string, value: ["hello,world", "hello, world"]}
        """;
    assertThat(run(filters, "{\"a\": true, \"b\": {\"c\": 3.14, \"d\": \"hello, world\"}}").accepted()).isTrue();
    Verdict miss = run(filters, "{\"a\": true, \"b\": {\"c\": 3.15, \"d\": \"hello, world\"}}");
    assertThat(miss.accepted()).isFalse();
    assertThat(miss.reasons()).singleElement().asString()
        .startsWith("spec.dependencies[0].filters.data[1]: value '3.15' at path 'b.c' matches none of [3.14]");
  }

  @Test
  void numbersCompareWithComparatorAndParseFromStrings() {
    String ge = "filters: {data: [{path: body.n, type: number, comparator: '>=', value: ['10', '100']}]}";
    assertThat(run(ge, "{\"body\": {\"n\": 10}}").accepted()).isTrue();
    assertThat(run(ge, "{\"body\": {\"n\": \"12.5\"}}").accepted()).isTrue();
    assertThat(run(ge, "{\"body\": {\"n\": 9.99}}").accepted()).isFalse();
    // as gjson's Float(): what is not a number reads as 0
    assertThat(run(ge, "{\"body\": {\"n\": \"ten\"}}").accepted()).isFalse();
    String le = "filters: {data: [{path: n, type: number, comparator: '<=', value: ['0']}]}";
    assertThat(run(le, "{\"n\": \"ten\"}").accepted()).isTrue();
    assertThat(run(le, "{\"n\": true}").accepted()).isFalse();
    String ne = "filters: {data: [{path: n, type: number, comparator: '!=', value: ['1']}]}";
    assertThat(run(ne, "{\"n\": 2}").accepted()).isTrue();
    assertThat(run(ne, "{\"n\": 1}").accepted()).isFalse();
  }

  @Test
  void stringsAreUnanchoredRegexesAndNotEqualInverts() {
    String eq = "filters: {data: [{path: ref, type: string, value: ['main$', 'release-.*']}]}";
    assertThat(run(eq, "{\"ref\": \"refs/heads/main\"}").accepted()).isTrue();
    assertThat(run(eq, "{\"ref\": \"refs/heads/release-1\"}").accepted()).isTrue();
    assertThat(run(eq, "{\"ref\": \"refs/heads/main-old\"}").accepted()).isFalse();
    String ne = "filters: {data: [{path: ref, type: string, comparator: '!=', value: ['main']}]}";
    assertThat(run(ne, "{\"ref\": \"dev\"}").accepted()).isTrue();
    assertThat(run(ne, "{\"ref\": \"main\"}").accepted()).isFalse();
  }

  @Test
  void boolsFollowGjson() {
    String t = "filters: {data: [{path: v, type: bool, value: ['true']}]}";
    assertThat(run(t, "{\"v\": true}").accepted()).isTrue();
    assertThat(run(t, "{\"v\": \"True\"}").accepted()).isTrue();
    assertThat(run(t, "{\"v\": 1}").accepted()).isTrue();
    assertThat(run(t, "{\"v\": \"yes\"}").accepted()).isFalse();
    assertThat(run(t, "{\"v\": false}").accepted()).isFalse();
  }

  @Test
  void templateRewritesTheValueBeforeComparing() {
    String f = "filters: {data: [{path: body, type: string, value: ['^hello$'], template: '{{ b64dec .Input }}'}]}";
    assertThat(run(f, "{\"body\": \"aGVsbG8=\"}").accepted()).isTrue();
    assertThat(run(f, "{\"body\": \"d29ybGQ=\"}").accepted()).isFalse();
    String empty = "filters: {data: [{path: body, type: string, value: ['x'], template: '{{ .Nope }}'}]}";
    assertThat(run(empty, "{\"body\": \"x\"}").reasons()).singleElement().asString()
        .contains("template: evaluated to an empty string or <no value>");
  }

  @Test
  void missingPathRejectsUnderAndButNotUnderOr() {
    String and = "filters: {data: [{path: a, type: string, value: [x]}, {path: nope, type: string, value: [x]}]}";
    Verdict v = run(and, "{\"a\": \"x\"}");
    assertThat(v.accepted()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("path 'nope' does not exist");
    String or = "filters: {dataLogicalOperator: or, data: [{path: nope, type: string, value: [x]},"
        + " {path: a, type: string, value: [x]}]}";
    assertThat(run(or, "{\"a\": \"x\"}").accepted()).isTrue();
    assertThat(run(or, "{\"a\": \"y\"}").reasons()).hasSize(2);
  }

  @Test
  void exprsReadFieldsByPath() {
    String f = """
        filters:
          exprs:
            - expr: a == "b" || c == 10
              fields: [{name: a, path: a}, {name: c, path: a-longer-name}]
            - expr: e == false
              fields: [{name: e, path: nested.path.can-get.longer}]
        """;
    String data = "{\"a\": \"x\", \"a-longer-name\": 10, \"nested\": {\"path\": {\"can-get\": {\"longer\": false}}}}";
    assertThat(run(f, data).accepted()).isTrue();
    assertThat(run(f, data.replace("10", "11")).accepted()).isFalse();
    assertThat(run(f, "{\"a\": \"b\", \"a-longer-name\": 1}").reasons()).singleElement().asString()
        .contains("field 'e': path 'nested.path.can-get.longer' does not exist");
    String or = f.replace("exprs:", "exprLogicalOperator: or\n  exprs:");
    assertThat(run(or, "{\"a\": \"b\", \"a-longer-name\": 1}").accepted()).isTrue();
  }

  @Test
  void anExprWithoutFieldsIsSkipped() {
    assertThat(run("filters: {exprs: [{expr: 'false'}]}", "{}").accepted()).isTrue();
    assertThat(run("filters: {exprLogicalOperator: or, exprs: [{expr: 'true'}]}", "{}").accepted()).isFalse();
  }

  @Test
  void contextFilterComparesEnvelope() {
    assertThat(run("filters: {context: {type: webhook, source: webhook}}", "{}").accepted()).isTrue();
    Verdict v = run("filters: {context: {subject: other}}", "{}");
    assertThat(v.reasons()).containsExactly("filters.context.subject: expected 'other', the event has 'example'");
  }

  @Test
  void timeWindowUsesZoneAndWrapsAcrossMidnight() {
    EventDependency night = dep("filters: {time: {start: '22:00:00', stop: '02:00:00', timezone: Europe/Paris}}");
    // 2024-03-10 Paris is UTC+1
    assertThat(evaluator.evaluate(night, event("{}", Instant.parse("2024-03-10T21:30:00Z"))).accepted()).isTrue();
    assertThat(evaluator.evaluate(night, event("{}", Instant.parse("2024-03-10T00:59:59Z"))).accepted()).isTrue();
    assertThat(evaluator.evaluate(night, event("{}", Instant.parse("2024-03-10T01:00:00Z"))).accepted()).isFalse();
    assertThat(evaluator.evaluate(night, event("{}", Instant.parse("2024-03-10T20:59:00Z"))).accepted()).isFalse();
    EventDependency day = dep("filters: {time: {start: '09:00:00', stop: '17:00:00'}}");
    assertThat(evaluator.evaluate(day, event("{}", Instant.parse("2024-03-10T09:00:00Z"))).accepted()).isTrue();
    assertThat(evaluator.evaluate(day, event("{}", Instant.parse("2024-03-10T17:00:00Z"))).accepted()).isFalse();
  }

  @Test
  void scriptFilterPassesOnTrue() {
    String f = "filters: {script: 'if event.a == \"b\" then return true else return false end'}";
    assertThat(run(f, "{\"a\": \"b\"}").accepted()).isTrue();
    assertThat(run(f, "{\"a\": \"c\"}").accepted()).isFalse();
    assertThat(run("filters: {script: 'return event.x.y'}", "{}").reasons()).singleElement().asString()
        .startsWith("filters.script: Lua script");
  }

  @Test
  void anEventWithoutDataPassesDataExprAndScriptFiltersAsInArgo() {
    CloudEvent noData = CloudEvent.builder().id("e2").source("webhook").type("webhook").subject("example").build();
    EventDependency d = dep("filters: {data: [{path: a, type: string, value: [x]}], script: 'return false', "
        + "exprs: [{expr: 'a == 1', fields: [{name: a, path: a}]}]}");
    assertThat(evaluator.evaluate(d, noData).accepted()).isTrue();
  }

  @Test
  void aFailingScriptRejectsEvenUnderOr() {
    String f = "filtersLogicalOperator: or\nfilters: {context: {type: webhook}, script: 'return event.x.y'}";
    assertThat(run(f, "{}").accepted()).isFalse();
    assertThat(run(f.replace("event.x.y", "false"), "{}").accepted()).isTrue();
  }

  @Test
  void filtersLogicalOperatorCombinesGroups() {
    String and = "filters: {context: {type: webhook}, data: [{path: a, type: string, value: [x]}]}";
    assertThat(run(and, "{\"a\": \"y\"}").accepted()).isFalse();
    assertThat(run("filtersLogicalOperator: or\n" + and, "{\"a\": \"y\"}").accepted()).isTrue();
    String orBothFail = "filtersLogicalOperator: or\nfilters: {context: {type: calendar}, "
        + "data: [{path: a, type: string, value: [x]}]}";
    assertThat(run(orBothFail, "{\"a\": \"y\"}").reasons()).hasSize(2);
  }

  @Test
  void transformRunsBeforeFilters() {
    String jq = "transform: {jq: '.body | {n: (.n * 2)}'}\nfilters: {data: [{path: n, type: number, value: ['4']}]}";
    Verdict v = run(jq, "{\"body\": {\"n\": 2}}");
    assertThat(v.accepted()).isTrue();
    assertThat(v.event().data().toString()).isEqualTo("{\"n\":4}");
    String lua = "transform: {script: 'event.x = \"lua\"; return event'}\n"
        + "filters: {data: [{path: x, type: string, value: ['^lua$']}]}";
    assertThat(run(lua, "{}").accepted()).isTrue();
    Verdict bad = run("transform: {jq: '.a'}", "{\"a\": 1}");
    assertThat(bad.accepted()).isFalse();
    assertThat(bad.reasons()).singleElement().asString()
        .startsWith("dependency 'd'.transform: jq program '.a' must produce a JSON object");
  }
}
