package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeNamesTest {

  @Test
  void fnv1a32MatchesTheReferenceVectors() {
    // FNV-1a 32 test vectors (Fowler/Noll/Vo reference): "", "a", "foobar"
    assertThat(NodeNames.fnv32a("")).isEqualTo(0x811c9dc5L);
    assertThat(NodeNames.fnv32a("a")).isEqualTo(0xe40c292cL);
    assertThat(NodeNames.fnv32a("foobar")).isEqualTo(0xbf9cf968L);
  }

  @Test
  void rootIdIsTheWorkflowNameAndOthersAreNameDashDecimalHash() {
    assertThat(NodeNames.nodeId("wf", "wf")).isEqualTo("wf");
    assertThat(NodeNames.nodeId("wf", "wf[0].a")).isEqualTo("wf-" + NodeNames.fnv32a("wf[0].a"));
  }

  @Test
  void podNamesAreWorkflowTemplateHashExceptForInlineAndRoot() {
    assertThat(NodeNames.podName("wf", "wf[0].a", "echo")).isEqualTo("wf-echo-" + NodeNames.fnv32a("wf[0].a"));
    assertThat(NodeNames.podName("wf", "wf", "echo")).isEqualTo("wf");
    assertThat(NodeNames.podName("wf", "wf.t.inline", "x")).isEqualTo("wf-" + NodeNames.fnv32a("wf.t.inline"));
  }

  @Test
  void loopItemNamesFollowGenerateNodeName() {
    var mapper = io.quargo.core.Json.MAPPER;
    assertThat(new LoopItem(0, mapper.valueToTree("hello")).nodeName("s")).isEqualTo("s(0:hello)");
    assertThat(new LoopItem(1, mapper.valueToTree(java.util.Map.of("os", "debian", "version", 9)))
        .nodeName("s")).isEqualTo("s(1:os:debian,version:9)");
    assertThat(new LoopItem(2, mapper.valueToTree(java.util.List.of("a", "b"))).nodeName("s"))
        .isEqualTo("s(2:[a b])");
    assertThat(new LoopItem(3, mapper.valueToTree("f(x)")).nodeName("s")).isEqualTo("s(3:fx)");
  }
}
