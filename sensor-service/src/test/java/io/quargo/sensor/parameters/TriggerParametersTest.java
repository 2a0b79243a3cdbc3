package io.quargo.sensor.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.TriggerParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerParametersTest {
  private static final CloudEvent A = CloudEvent.builder().id("a1").source("webhook").type("webhook")
      .subject("example").time(Instant.parse("2024-03-10T12:00:00Z"))
      .data(json("{\"body\": {\"name\": \"quargo\", \"n\": 3, \"obj\": {\"k\": [1, 2]}, \"nil\": null}}")).build();
  private static final Map<String, CloudEvent> EVENTS = Map.of("dep-a", A);
  private static final JsonNode WORKFLOW = json("""
      {"spec": {"arguments": {"parameters": [{"name": "message", "value": "hello"}]}, "list": ["x"]}}""");

  private static JsonNode json(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<TriggerParameter> params(String yaml) {
    return Yaml.sensor("""
        dependencies:
          - {name: dep-a, eventSourceName: webhook, eventName: example}
          - {name: dep-b, eventSourceName: webhook, eventName: other}
        triggers:
          - template: {name: t, conditions: "dep-a || dep-b", log: {}}
            parameters:
        """ + yaml.stripIndent().lines().map(l -> "      " + l + "\n").reduce("", String::concat))
        .triggers().get(0).parameters();
  }

  private static JsonNode apply(String yaml) {
    return TriggerParameters.apply(WORKFLOW, params(yaml), EVENTS);
  }

  @Test
  void dataKeyOverwritesAsString() {
    JsonNode out = apply("- {src: {dependencyName: dep-a, dataKey: body.name}, dest: spec.arguments.parameters.0.value}");
    assertThat(out.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("quargo");
    assertThat(out.at("/spec/arguments/parameters/0/name").asText()).isEqualTo("message");
    assertThat(WORKFLOW.at("/spec/arguments/parameters/0/value").asText()).as("input untouched").isEqualTo("hello");
  }

  @Test
  void valuesAreStringsUnlessUseRawData() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, dataKey: body.n}, dest: s.n}
        - {src: {dependencyName: dep-a, dataKey: body.obj}, dest: s.obj}
        - {src: {dependencyName: dep-a, dataKey: body.n, useRawData: true}, dest: s.rawN}
        - {src: {dependencyName: dep-a, dataKey: body.obj, useRawData: true}, dest: s.rawObj}
        - {src: {dependencyName: dep-a, dataKey: body.nil}, dest: s.nil}
        """);
    assertThat(out.at("/s/n").isTextual()).isTrue();
    assertThat(out.at("/s/n").asText()).isEqualTo("3");
    assertThat(out.at("/s/obj").asText()).isEqualTo("{\"k\":[1,2]}");
    assertThat(out.at("/s/rawN").isNumber()).isTrue();
    assertThat(out.at("/s/rawObj/k/1").asInt()).isEqualTo(2);
    assertThat(out.at("/s/nil").asText()).as("null is read raw, as Argo does").isEqualTo("null");
  }

  @Test
  void contextKeysAndTemplates() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, contextKey: type}, dest: c.type}
        - {src: {dependencyName: dep-a, contextTemplate: "{{ .Input.source }}/{{ .Input.subject }}"}, dest: c.t}
        - {src: {dependencyName: dep-a, dataTemplate: "{{ .Input.body.name | upper }}", dataKey: body.n}, dest: d}
        """);
    assertThat(out.at("/c/type").asText()).isEqualTo("webhook");
    assertThat(out.at("/c/t").asText()).isEqualTo("webhook/example");
    assertThat(out.at("/d").asText()).as("the template wins over the key").isEqualTo("QUARGO");
  }

  @Test
  void dataWinsOverContextAndAnEmptyTemplateFallsThroughToTheKey() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, contextKey: type, dataKey: body.name}, dest: both}
        - {src: {dependencyName: dep-a, dataTemplate: "{{ .Input.nope }}", dataKey: body.name}, dest: fallback}
        """);
    assertThat(out.at("/both").asText()).isEqualTo("quargo");
    assertThat(out.at("/fallback").asText()).isEqualTo("quargo");
  }

  @Test
  void defaultsAndMissingValues() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, dataKey: body.nope, value: fallback}, dest: a}
        - {src: {dependencyName: dep-b, dataKey: body.name, value: absent-default}, dest: b}
        - {src: {dependencyName: dep-b, dataKey: body.name}, dest: spec.list.0}
        - {src: {dependencyName: dep-a, value: constant}, dest: c}
        """);
    assertThat(out.at("/a").asText()).isEqualTo("fallback");
    assertThat(out.at("/b").asText()).isEqualTo("absent-default");
    assertThat(out.at("/spec/list/0").asText()).as("skipped: dep-b did not happen").isEqualTo("x");
    assertThat(out.at("/c").asText()).isEqualTo("constant");
    assertThatThrownBy(() -> apply("- {src: {dependencyName: dep-a, dataKey: body.nope}, dest: a}"))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("spec.triggers[0].parameters[0]: unable to resolve a value from dependency 'dep-a': "
            + "dataKey 'body.nope' found nothing in event a1");
  }

  @Test
  void noKeyMeansTheWholeEvent() {
    JsonNode out = apply("- {src: {dependencyName: dep-a, useRawData: true}, dest: event}");
    assertThat(out.get("event").isTextual()).as("always inserted as a string, as Argo does").isTrue();
    JsonNode event = Json.parse(out.get("event").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(event.at("/context/id").asText()).isEqualTo("a1");
    assertThat(event.at("/context/time").asText()).isEqualTo("2024-03-10T12:00:00Z");
    assertThat(event.at("/data/body/name").asText()).isEqualTo("quargo");
  }

  @Test
  void destAppendsToListsAndCreatesContainers() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, dataKey: body.name}, dest: spec.list.-1}
        - {src: {dependencyName: dep-a, dataKey: body.name}, dest: new.items.1.name}
        - {src: {dependencyName: dep-a, dataKey: body.name}, dest: 'dotted\\.key'}
        """);
    assertThat(out.at("/spec/list").toString()).isEqualTo("[\"x\",\"quargo\"]");
    assertThat(out.at("/new/items").toString()).isEqualTo("[null,{\"name\":\"quargo\"}]");
    assertThat(out.get("dotted.key").asText()).isEqualTo("quargo");
  }

  @Test
  void appendAndPrependJoinText() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, dataKey: body.name}, dest: spec.arguments.parameters.0.value, operation: append}
        - {src: {dependencyName: dep-a, value: ">> "}, dest: spec.arguments.parameters.0.value, operation: prepend}
        """);
    assertThat(out.at("/spec/arguments/parameters/0/value").asText()).isEqualTo(">> helloquargo");
  }

  @Test
  void payloadWithEmptyDestIsTheWholeBody() {
    List<TriggerParameter> ps = params("- {src: {dependencyName: dep-a, dataKey: body.obj, useRawData: true}}");
    assertThat(TriggerParameters.payload(ps, EVENTS)).isEqualTo("{\"k\":[1,2]}");
    List<TriggerParameter> text = params("""
        - {src: {dependencyName: dep-a, dataKey: body.name}}
        - {src: {dependencyName: dep-a, contextKey: id}, dest: ignored}
        """);
    assertThat(TriggerParameters.payload(text, EVENTS)).as("the whole body, as text; the rest is ignored")
        .isEqualTo("quargo");
    List<TriggerParameter> two = params("""
        - {src: {dependencyName: dep-a, dataKey: body.name}, dest: name}
        - {src: {dependencyName: dep-a, contextKey: id}, dest: id}
        """);
    assertThat(TriggerParameters.payload(two, EVENTS)).isEqualTo("{\"name\":\"quargo\",\"id\":\"a1\"}");
  }

  @Test
  void useRawDataKeepsStringsTemplatesAndDefaultsAsStrings() {
    JsonNode out = apply("""
        - {src: {dependencyName: dep-a, value: '{"a": 1}', useRawData: true}, dest: constant}
        - {src: {dependencyName: dep-a, dataKey: body.name, useRawData: true}, dest: string}
        - {src: {dependencyName: dep-a, dataTemplate: "{{ .Input.body.n }}", useRawData: true}, dest: template}
        """);
    assertThat(out.get("constant").asText()).isEqualTo("{\"a\": 1}");
    assertThat(out.get("string").asText()).isEqualTo("quargo");
    assertThat(out.get("template").isTextual()).isTrue();
  }
}
