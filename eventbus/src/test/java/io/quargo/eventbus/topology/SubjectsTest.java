package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.eventbus.BusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

  @Test
  void buildsTheThreeSubjectFamilies() {
    assertThat(Subjects.events("argo-events", "webhook", "example")).isEqualTo("events.argo-events.webhook.example");
    assertThat(Subjects.eventsOf("ns", "webhook")).isEqualTo("events.ns.webhook.*");
    assertThat(Subjects.lifecycle("argo", "Workflow", "hello-x7k2p")).isEqualTo("lifecycle.argo.Workflow.hello-x7k2p");
    assertThat(Subjects.commands("workflow", "argo")).isEqualTo("commands.workflow.argo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my.source", "a*", ">", "with space", "tab\there", "new\nline", "nbsp\u2003x", "bell\u0007"})
  void refusesTokensThatWouldChangeTheSubjectStructure(String bad) {
    assertThatThrownBy(() -> Subjects.events("ns", bad, "example"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("event source name '" + bad + "'")
        .hasMessageContaining("Rename it");
  }

  @Test
  void namesTheOffendingCharacterAndPosition() {
    assertThatThrownBy(() -> Subjects.lifecycle("ns", "Workflow", "wf.v2"))
        .hasMessageStartingWith("name 'wf.v2' contains '.' at position 2");
    assertThatThrownBy(() -> Subjects.commands("sensor", "team a"))
        .hasMessageStartingWith("namespace 'team a' contains whitespace at position 4");
  }

  @Test
  void refusesEmptyAndMissingTokens() {
    assertThatThrownBy(() -> Subjects.events("", "es", "e")).hasMessageStartingWith("namespace is empty");
    assertThatThrownBy(() -> Subjects.events("ns", "es", null)).hasMessageStartingWith("event name is empty");
  }
}
