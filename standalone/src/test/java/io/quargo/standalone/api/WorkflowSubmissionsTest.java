package io.quargo.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowSubmissionsTest {

  @Test
  void fromAClusterTemplateRefersToItWithClusterScope() {
    ObjectNode wf = WorkflowSubmissions.fromTemplate("ns", "tpl", true);
    assertThat(wf.at("/metadata/generateName").asText()).isEqualTo("tpl-");
    assertThat(wf.at("/metadata/labels/workflows.argoproj.io~1cluster-workflow-template").asText()).isEqualTo("tpl");
    assertThat(wf.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("tpl");
    assertThat(wf.at("/spec/workflowTemplateRef/clusterScope").asBoolean()).isTrue();
  }

  @Test
  void submitOptionsSetNameEntrypointLabelsAndParameters() {
    ObjectNode wf = WorkflowSubmissions.fromTemplate("ns", "tpl", false);
    ObjectNode options = ApiFixtures.yaml("""
        {name: exact, entryPoint: other, labels: "a=b, c=d", parameters: ["x=1", "y=a=b"]}
        """);
    WorkflowSubmissions.applySubmitOptions(wf, options);
    assertThat(wf.at("/metadata/name").asText()).isEqualTo("exact");
    assertThat(wf.at("/spec/entrypoint").asText()).isEqualTo("other");
    assertThat(wf.at("/metadata/labels/a").asText()).isEqualTo("b");
    assertThat(wf.at("/metadata/labels/c").asText()).isEqualTo("d");
    assertThat(wf.at("/spec/arguments/parameters/1/value").asText()).isEqualTo("a=b");
    assertThatThrownBy(() -> WorkflowSubmissions.applySubmitOptions(wf, ApiFixtures.yaml("{labels: nope}")))
        .hasMessageContaining("submitOptions.labels");
    assertThatThrownBy(() -> WorkflowSubmissions.applySubmitOptions(wf, ApiFixtures.yaml("{parameters: [1]}")))
        .hasMessageContaining("submitOptions.parameters[0] must be a string");
  }

  @Test
  void resubmitKeepsTheSpecAndLabelsButNotShutdownOrPhaseLabels() {
    ObjectNode old = ApiFixtures.yaml("""
        metadata: {name: wf1, namespace: ns, labels: {team: a, workflows.argoproj.io/phase: Failed}}
        spec: {entrypoint: main, shutdown: Stop, arguments: {parameters: [{name: p, value: "1"}]}}
        """);
    ObjectNode wf = WorkflowSubmissions.resubmit(Resource.of(old), Map.of("p", "2"));
    assertThat(wf.at("/metadata/generateName").asText()).isEqualTo("wf1-");
    assertThat(wf.at("/metadata/labels/team").asText()).isEqualTo("a");
    assertThat(wf.at("/metadata/labels").has("workflows.argoproj.io/phase")).isFalse();
    assertThat(wf.at("/metadata/labels/workflows.argoproj.io~1resubmitted-from-workflow").asText()).isEqualTo("wf1");
    assertThat(wf.at("/spec").has("shutdown")).isFalse();
    assertThat(wf.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("2");
    assertThat(Json.string(old)).contains("\"value\":\"1\"");
  }

  @Test
  void outputParametersAreAJsonObjectInAString() {
    assertThat(WorkflowActionsApi.outputParameters("{\"a\":\"x\",\"n\":3}")).containsEntry("a", "x")
        .containsEntry("n", "3");
    assertThat(WorkflowActionsApi.outputParameters(null)).isEmpty();
    assertThatThrownBy(() -> WorkflowActionsApi.outputParameters("[1]")).hasMessageContaining("JSON object");
  }
}
