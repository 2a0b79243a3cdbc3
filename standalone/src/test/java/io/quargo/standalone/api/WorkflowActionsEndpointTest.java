package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.awaitNodePhase;
import static io.quargo.standalone.api.ApiFixtures.awaitPhase;
import static io.quargo.standalone.api.ApiFixtures.create;
import static io.quargo.standalone.api.ApiFixtures.get;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static io.quargo.standalone.api.ApiFixtures.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class WorkflowActionsEndpointTest {

  private static String path(String ns, String name, String action) {
    return "/api/v1/workflows/" + ns + "/" + name + "/" + action;
  }

  @Test
  void stopEndsARunningWorkflowAsFailed() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.SLEEPY);
    awaitNodePhase(ns, name, name, "Running");
    put(path(ns, name, "stop"), "{\"message\":\"enough\"}").then().statusCode(200)
        .body("metadata.name", is(name)).body("spec.shutdown", is("Stop"));
    JsonNode wf = awaitPhase(ns, name, "Failed");
    assertThat(wf.path("spec").path("shutdown").asText()).isEqualTo("Stop");
  }

  @Test
  void terminateEndsARunningWorkflowAsFailed() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.SLEEPY);
    awaitNodePhase(ns, name, name, "Running");
    put(path(ns, name, "terminate"), "{}").then().statusCode(200).body("spec.shutdown", is("Terminate"));
    awaitPhase(ns, name, "Failed");
    // a finished workflow cannot be terminated again: the engine says why
    put(path(ns, name, "terminate"), "{}").then().statusCode(400).body("code", is(9))
        .body("message", containsString("terminate"));
  }

  @Test
  void retryWithAParameterRerunsTheFailedStep() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.FAILING);
    awaitPhase(ns, name, "Failed");
    put(path(ns, name, "retry"), "{\"parameters\":[\"code=0\"]}").then().statusCode(200);
    JsonNode wf = awaitPhase(ns, name, "Succeeded");
    assertThat(wf.path("spec").path("arguments").path("parameters").get(0).path("value").asText()).isEqualTo("0");
    put(path(ns, name, "retry"), "{\"parameters\":[\"code\"]}").then().statusCode(400)
        .body("message", containsString("parameters[0] is \"code\": write a parameter as name=value"));
  }

  @Test
  void resubmitCreatesANewWorkflowFromTheOldSpec() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.FAILING);
    awaitPhase(ns, name, "Failed");
    String again = put(path(ns, name, "resubmit"), "{\"parameters\":[\"code=0\"]}").then().statusCode(200)
        .body("metadata.name", startsWith(name + "-"))
        .body("metadata.labels.'workflows.argoproj.io/resubmitted-from-workflow'", is(name))
        .extract().path("metadata.name");
    awaitPhase(ns, again, "Succeeded");
    assertThat(get(ns, name).path("status").path("phase").asText()).isEqualTo("Failed");
  }

  @Test
  void resubmitMemoizedKeepsTheSucceededStepAndRerunsTheFailedOne() {
    String ns = namespace();
    String name = create(ns, """
        metadata: {generateName: twice-}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: code, value: "3"}]}
          templates:
            - name: main
              steps:
                - - {name: first, template: stamp}
                - - {name: second, template: exit}
            - name: stamp
              container: {image: busybox, command: [sh, -c, "date +%s%N"]}
            - name: exit
              container: {image: busybox, command: [sh, -c, "exit {{workflow.parameters.code}}"]}
        """);
    JsonNode old = awaitPhase(ns, name, "Failed");
    JsonNode oldFirst = node(old, "first");
    String again = put(path(ns, name, "resubmit"), "{\"memoized\":true,\"parameters\":[\"code=0\"]}").then()
        .statusCode(200).body("metadata.name", startsWith(name + "-")).extract().path("metadata.name");
    JsonNode wf = awaitPhase(ns, again, "Succeeded");
    JsonNode first = node(wf, "first");
    assertThat(first.path("phase").asText()).isEqualTo("Skipped");
    assertThat(first.path("message").asText()).isEqualTo("original pod: " + oldFirst.path("id").asText());
    assertThat(first.path("outputs").path("result").asText())
        .isEqualTo(oldFirst.path("outputs").path("result").asText());
    assertThat(node(wf, "second").path("phase").asText()).isEqualTo("Succeeded");
    // only a Failed or Error workflow can be resubmitted memoized
    put(path(ns, again, "resubmit"), "{\"memoized\":true}").then().statusCode(400)
        .body("message", containsString("workflow must be Failed/Error to resubmit in memoized mode"));
  }

  @Test
  void stopWithANodeFieldSelectorFailsOnlyThatSuspendNode() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.PAUSE);
    awaitNodePhase(ns, name, "approve", "Running");
    put(path(ns, name, "stop"), "{\"nodeFieldSelector\":\"displayName=nobody\"}").then().statusCode(400)
        .body("message", containsString("no suspend nodes matching nodeFieldSelector: displayName=nobody"));
    put(path(ns, name, "stop"), "{\"nodeFieldSelector\":\"displayName=approve\",\"message\":\"rejected\"}")
        .then().statusCode(200);
    JsonNode wf = awaitPhase(ns, name, "Failed");
    assertThat(wf.path("spec").has("shutdown")).isFalse();
    assertThat(node(wf, "approve").path("phase").asText()).isEqualTo("Failed");
    assertThat(node(wf, "approve").path("message").asText()).isEqualTo("rejected");
  }

  private static JsonNode node(JsonNode wf, String displayName) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    throw new AssertionError("no node " + displayName + " in " + wf.path("status").path("nodes"));
  }

  @Test
  void suspendThenResumeLetsTheWorkflowFinish() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.PAUSE);
    awaitNodePhase(ns, name, "approve", "Running");
    put(path(ns, name, "suspend"), "{}").then().statusCode(200).body("spec.suspend", is(true));
    put(path(ns, name, "resume"), "{}").then().statusCode(200);
    JsonNode wf = awaitPhase(ns, name, "Succeeded");
    assertThat(wf.path("spec").has("suspend")).isFalse();
    assertThat(log(ns, name)).contains("resumed");
  }

  @Test
  void setSuppliesTheOutputParameterAndPhaseOfTheSuspendNode() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.APPROVAL);
    awaitNodePhase(ns, name, "approve", "Running");
    put(path(ns, name, "set"), "{\"nodeFieldSelector\":\"displayName=approve\",\"phase\":\"Succeeded\","
        + "\"outputParameters\":\"{\\\"choice\\\":\\\"yes\\\"}\"}").then().statusCode(200);
    awaitPhase(ns, name, "Succeeded");
    assertThat(log(ns, name)).contains("chose yes");
  }

  @Test
  void setRejectsBadInputWithWhatAndHow() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.APPROVAL);
    awaitNodePhase(ns, name, "approve", "Running");
    put(path(ns, name, "set"), "{\"nodeFieldSelector\":\"displayName=approve\",\"outputParameters\":\"{oops\"}")
        .then().statusCode(400).body("code", is(3)).body("message", startsWith("outputParameters is not a JSON"));
    put(path(ns, name, "set"), "{\"nodeFieldSelector\":\"displayName=approve\",\"phase\":\"Done\"}")
        .then().statusCode(400).body("message", startsWith("phase is \"Done\""));
    put(path(ns, name, "set"), "{\"nodeFieldSelector\":\"displayName=nobody\",\"phase\":\"Succeeded\"}")
        .then().statusCode(400).body("message", containsString("matches no node"));
    put(path(ns, "ghost", "stop"), "{}").then().statusCode(404).body("code", is(5));
    put(path(ns, name, "explode"), "{}").then().statusCode(404).body("message", containsString("no workflow action"));
    put(path(ns, name, "terminate"), "{}").then().statusCode(200);
  }

  private static String log(String ns, String name) {
    return given().get("/api/v1/workflows/" + ns + "/" + name + "/log").then().statusCode(200).extract().asString();
  }
}
