package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventbus.publish.PublishException;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.util.Map;

/**
 * The {@code argoWorkflow} trigger, sent as a command to the workflow-service ({@code commands.workflow.<ns>})
 * instead of shelling out to {@code argo} as upstream does. The command's idempotency key (and
 * {@code Nats-Msg-Id}) is the firing's execution key, so a repeated firing submits one workflow, not two.
 * {@code parameters} apply to {@code source.resource}; {@code source.inline} YAML/JSON is read too. Other
 * sources (s3, git, url, configmap) are refused when the runner starts.
 */
public final class ArgoWorkflowTrigger implements TriggerExecutor {
  private static final Map<String, String> OPERATIONS = Map.of("submit", "submit", "submit-from", "submitFrom",
      "resubmit", "resubmit", "retry", "retry", "resume", "resume", "suspend", "suspend", "terminate", "terminate",
      "stop", "stop");

  private final Publisher publisher;

  public ArgoWorkflowTrigger(Publisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public String kind() {
    return "argoWorkflow";
  }

  @Override
  public void validate(Trigger trigger) {
    JsonNode spec = trigger.typeSpec();
    String where = trigger.where() + ".template.argoWorkflow";
    String op = spec.path("operation").asText("submit");
    if (!OPERATIONS.containsKey(op)) {
      throw new io.quargo.sensor.spec.SensorSpecException(where + ".operation",
          "must be one of submit, submit-from, resubmit, retry, resume, suspend, terminate, stop; got '" + op + "'");
    }
    JsonNode source = spec.path("source");
    if (!source.has("resource") && !source.has("inline")) {
      throw new io.quargo.sensor.spec.SensorSpecException(where + ".source",
          "needs 'resource' (or 'inline'); s3, git, url and configmap sources are not supported yet");
    }
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template.argoWorkflow";
    JsonNode spec = template.get("argoWorkflow");
    ObjectNode resource = resource(spec.path("source"), where);
    JsonNode applied = TriggerParameters.apply(resource, trigger.typeParameters(), firing.events());
    String op = spec.path("operation").asText("submit");
    ObjectNode command = Json.object().put("idempotencyKey", firing.executionKey()).put("action", OPERATIONS.get(op));
    String name = applied.path("metadata").path("name").asText("");
    switch (op) {
      case "submit" -> command.set("workflow", applied);
      case "submit-from" -> command.put("kind", applied.path("kind").asText("WorkflowTemplate")).put("name", name);
      default -> command.put("name", name);
    }
    if (!op.equals("submit") && name.isEmpty()) {
      throw TriggerFailure.permanent(where + ".source.resource.metadata.name: " + op + " needs the workflow's name");
    }
    String namespace = applied.path("metadata").path("namespace").asText(sensor.namespace());
    try {
      publisher.publish(Subjects.commands("workflow", namespace), Json.bytes(command), firing.executionKey(),
          Map.of("Quargo-Trigger", sensor.namespace() + "/" + sensor.name() + "/" + trigger.name()));
    } catch (PublishException e) {
      throw TriggerFailure.transientFailure(where + ": the command was not accepted by the bus: " + e.getMessage(),
          e);
    }
  }

  private static ObjectNode resource(JsonNode source, String where) {
    if (source.get("resource") instanceof ObjectNode r) {
      return r.deepCopy();
    }
    String inline = source.path("inline").asText("");
    try {
      JsonNode parsed = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(inline);
      if (parsed instanceof ObjectNode o) {
        return o;
      }
    } catch (java.io.IOException e) {
      throw TriggerFailure.permanent(where + ".source.inline: not YAML or JSON: " + e.getMessage());
    }
    throw TriggerFailure.permanent(where + ".source.inline: must hold one Workflow manifest");
  }
}
