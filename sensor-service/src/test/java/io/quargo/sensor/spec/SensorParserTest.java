package io.quargo.sensor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.sensor.Yaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SensorParserTest {
  private static final String TRIGGER = """
      triggers:
        - template:
            name: t
            log: {}
      """;

  @Test
  void readsDependenciesFiltersAndTriggers() {
    Sensor s = Yaml.sensor("""
        dependencies:
          - name: dep-a
            eventSourceName: webhook
            eventName: example
            filtersLogicalOperator: or
            filters:
              dataLogicalOperator: or
              data:
                - path: body.value
                  type: number
                  comparator: ">="
                  value: ["1.5", 3]
              time: {start: "22:00:00", stop: "02:00:00", timezone: Europe/Paris}
          - name: dep-b
            eventSourceName: webhook
            eventName: other
            transform: {jq: ".body"}
        triggers:
          - template:
              name: t
              conditions: "dep-a || dep-b"
              conditionsReset: [{byTime: {cron: "59 23 * * *", timezone: America/Los_Angeles}}]
              http: {url: "http://localhost/x", payload: [{src: {dependencyName: dep-a, dataKey: body}, dest: b}]}
            policy: {status: {allow: [200, 201]}}
        """);
    assertThat(s.namespace()).isEqualTo("ns");
    EventDependency a = s.dependencies().get(0);
    assertThat(a.filtersLogicalOperator()).isEqualTo(LogicalOperator.OR);
    assertThat(a.filters().data().get(0).numbers()).containsExactly(1.5, 3.0);
    assertThat(a.filters().data().get(0).comparator()).isEqualTo(Comparator.GREATER_THAN_OR_EQUAL);
    assertThat(a.filters().time().stop().toString()).isEqualTo("02:00");
    assertThat(s.dependencies().get(1).transform().jq()).isNotNull();
    Trigger t = s.triggers().get(0);
    assertThat(t.type()).isEqualTo("http");
    assertThat(t.conditions().dependencies()).containsExactlyInAnyOrder("dep-a", "dep-b");
    assertThat(t.conditionsResets()).singleElement().satisfies(r -> assertThat(r.zone().getId())
        .isEqualTo("America/Los_Angeles"));
    assertThat(t.payload()).singleElement().satisfies(p -> assertThat(p.dest()).isEqualTo("b"));
    assertThat(t.statusAllow()).containsExactly(200, 201);
  }

  @Test
  void missingConditionsMeanEveryDependency() {
    Sensor s = Yaml.sensor("""
        dependencies:
          - {name: a, eventSourceName: es, eventName: e1}
          - {name: b-c, eventSourceName: es, eventName: e2}
        """ + TRIGGER);
    assertThat(s.triggers().get(0).conditionsText()).isEqualTo("a && b-c");
    assertThat(s.triggers().get(0).conditions().accumulates()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "bad type|filters: {data: [{path: a, type: integer, value: ['1']}]}"
          + "|spec.dependencies[0].filters.data[0].type: must be one of string, number, bool, got 'integer'",
      "bad number|filters: {data: [{path: a, type: number, value: ['1', 'x']}]}"
          + "|spec.dependencies[0].filters.data[0].value[1]: must be a number for type number, got 'x'",
      "bad regex|filters: {data: [{path: a, type: string, value: ['(']}]}"
          + "|spec.dependencies[0].filters.data[0].value[0]: string values are regular expressions",
      "comparator on string|filters: {data: [{path: a, type: string, comparator: '>', value: [x]}]}"
          + "|spec.dependencies[0].filters.data[0].comparator: '>' only applies to type number",
      "no values|filters: {data: [{path: a, type: bool}]}"
          + "|spec.dependencies[0].filters.data[0].value: needs at least one value",
      "unknown expr field|filters: {exprs: [{expr: 'a == b', fields: [{name: a, path: x}]}]}"
          + "|spec.dependencies[0].filters.exprs[0].fields: the expression uses 'b'",
      "bad expr|filters: {exprs: [{expr: 'a ==', fields: [{name: a, path: x}]}]}"
          + "|spec.dependencies[0].filters.exprs[0].expr: invalid expression",
      "bad time|filters: {time: {start: '9am', stop: '17:00:00'}}"
          + "|spec.dependencies[0].filters.time.start: must be a time of day as hh:mm:ss",
      "bad zone|filters: {time: {start: '09:00:00', stop: '17:00:00', timezone: Mars/Base}}"
          + "|spec.dependencies[0].filters.time.timezone: unknown time zone 'Mars/Base'",
      "bad jq|transform: {jq: '.a[ '}|spec.dependencies[0].transform.jq: invalid jq program",
      "bad lua|transform: {script: 'return {'}|spec.dependencies[0].transform.script: invalid Lua script",
      "bad template|filters: {data: [{path: a, type: string, value: [x], template: '{{ .Input '}]}"
          + "|spec.dependencies[0].filters.data[0].template: invalid Go template",
      "bad operator|filtersLogicalOperator: xor|spec.dependencies[0].filtersLogicalOperator: must be 'and' or 'or'"
  })
  void dependencyErrorsNameTheirPath(String title, String extra, String message) {
    String spec = "dependencies:\n  - name: a\n    eventSourceName: es\n    eventName: e\n    " + extra + "\n" + TRIGGER;
    assertThatThrownBy(() -> Yaml.sensor(spec)).isInstanceOf(SensorSpecException.class).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "unknown dependency|conditions: 'a && zz'|log: {}"
          + "|spec.triggers[0].template.conditions: names dependencies that spec.dependencies does not declare: [zz]",
      "bad conditions|conditions: 'a &&'|log: {}|spec.triggers[0].template.conditions: invalid conditions",
      "no kind|conditions: a|foo: {}|spec.triggers[0].template: names no trigger kind",
      "two kinds|conditions: a|log: {}, http: {url: x}|spec.triggers[0].template: names several trigger kinds",
      "bad cron|conditionsReset: [{byTime: {cron: '61 * * * *'}}]|log: {}"
          + "|spec.triggers[0].template.conditionsReset[0].byTime.cron: invalid cron '61 * * * *'",
      "param dep|conditions: a|http: {url: x, payload: [{src: {dependencyName: q}, dest: d}]}"
          + "|spec.triggers[0].template.http.payload[0].src.dependencyName: 'q' is not a dependency",
      "param op|conditions: a|http: {url: x, payload: [{src: {dependencyName: a}, dest: d, operation: merge}]}"
          + "|spec.triggers[0].template.http.payload[0].operation: must be overwrite, append or prepend"
  })
  void triggerErrorsNameTheirPath(String title, String field, String kind, String message) {
    String spec = "dependencies: [{name: a, eventSourceName: es, eventName: e}]\n"
        + "triggers:\n  - template: {name: t, " + field + ", " + kind + "}\n";
    assertThatThrownBy(() -> Yaml.sensor(spec)).isInstanceOf(SensorSpecException.class).hasMessageContaining(message);
  }

  @Test
  void duplicateNamesAreRejected() {
    assertThatThrownBy(() -> Yaml.sensor("""
        dependencies:
          - {name: a, eventSourceName: es, eventName: e1}
          - {name: a, eventSourceName: es, eventName: e2}
        """ + TRIGGER)).hasMessageStartingWith("spec.dependencies[1].name: dependency name 'a' is used twice");
    assertThatThrownBy(() -> Yaml.sensor("""
        dependencies: [{name: a, eventSourceName: es, eventName: e1}]
        triggers:
          - template: {name: t, log: {}}
          - template: {name: t, log: {}}
        """)).hasMessageStartingWith("spec.triggers[1].template.name: trigger name 't' is used twice");
  }
}
