package io.quargo.sensor.trigger.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class K8sObjectsTest {
  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void updateMergesMapsFieldByFieldAndReplacesListsAndValues() {
    ObjectNode live = (ObjectNode) json("{'metadata': {'name': 'a', 'resourceVersion': '7', 'labels': {'x': '1'}},"
        + " 'spec': {'replicas': 1, 'ports': [1, 2], 'keep': true}}");
    K8sObjects.mergeInto(live, json("{'metadata': {'labels': {'y': '2'}}, 'spec': {'replicas': 3, 'ports': [9],"
        + " 'gone': null}}"));
    assertThat(live).isEqualTo(json("{'metadata': {'name': 'a', 'resourceVersion': '7', 'labels': {'x': '1',"
        + " 'y': '2'}}, 'spec': {'replicas': 3, 'ports': [9], 'keep': true}}"));
  }

  @Test
  void mergePatchRemovesWhatIsNullAndLeavesTheTargetUnchanged() {
    JsonNode target = json("{'a': {'b': 1, 'c': 2}, 'd': [1]}");
    assertThat(K8sObjects.mergePatch(target, json("{'a': {'b': null, 'e': 5}, 'd': {'x': 1}}")))
        .isEqualTo(json("{'a': {'c': 2, 'e': 5}, 'd': {'x': 1}}"));
    assertThat(target).isEqualTo(json("{'a': {'b': 1, 'c': 2}, 'd': [1]}"));
  }

  @Test
  void aManifestIsOneMapInYamlOrJson() {
    assertThat(K8sObjects.manifest("kind: Pod\nmetadata: {name: p}")).hasValueSatisfying(m ->
        assertThat(m.path("metadata").path("name").asText()).isEqualTo("p"));
    assertThat(K8sObjects.manifest("{\"kind\": \"Pod\"}")).isPresent();
    assertThat(K8sObjects.manifest("- a\n- b")).isEmpty();
    assertThat(K8sObjects.manifest("kind: [unclosed")).isEmpty();
  }
}
