package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.local.ContainerGraph.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerGraphTest {
  private static ContainerSpec c(String name, String... deps) {
    return new ContainerSpec(name, "busybox", List.of("true"), null, Map.of(), null, Map.of(), null,
        List.of(deps), "containerSet.containers[?]");
  }

  private static final TemplateReader READER = new TemplateReader(Tasks.task("name: t"));

  private static List<String> names(List<ContainerSpec> specs) {
    return specs.stream().map(ContainerSpec::name).toList();
  }

  @Test
  void startsIndependentContainersTogetherAndDependentsAfterThem() throws Exception {
    ContainerGraph g = new ContainerGraph(List.of(c("a"), c("b"), c("main", "a", "b")), READER);
    assertThat(names(g.takeReady(false))).containsExactly("a", "b");
    assertThat(g.takeReady(false)).isEmpty();
    g.finished("a", true);
    assertThat(g.takeReady(false)).isEmpty();
    g.finished("b", true);
    assertThat(names(g.takeReady(false))).containsExactly("main");
    assertThat(g.allDone()).isFalse();
    g.finished("main", true);
    assertThat(g.allDone()).isTrue();
  }

  @Test
  void aFailureMeansItsDependentsNeverRunTransitively() throws Exception {
    ContainerGraph g = new ContainerGraph(List.of(c("a"), c("b", "a"), c("main", "b"), c("other")), READER);
    assertThat(names(g.takeReady(false))).containsExactly("a", "other");
    g.finished("a", false);
    assertThat(g.takeReady(false)).isEmpty();
    assertThat(g.state("b")).isEqualTo(State.NOT_RUN);
    assertThat(g.state("main")).isEqualTo(State.NOT_RUN);
    assertThat(g.allDone()).as("other still runs").isFalse();
    g.finished("other", true);
    assertThat(g.allDone()).isTrue();
  }

  @Test
  void stoppingStartsNothingMore() throws Exception {
    ContainerGraph g = new ContainerGraph(List.of(c("a"), c("main", "a")), READER);
    g.takeReady(false);
    g.finished("a", true);
    assertThat(g.takeReady(true)).isEmpty();
    assertThat(g.state("main")).isEqualTo(State.NOT_RUN);
    assertThat(g.allDone()).isTrue();
  }
}
