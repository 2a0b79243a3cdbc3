package io.quargo.workflow.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.DurableConsumer;
import io.quargo.eventbus.consume.Outcome;
import io.quargo.eventbus.topology.ConsumerSpec;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.Topology;
import io.quargo.workflow.engine.EngineException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Consumes {@code commands.workflow.>} with a durable consumer and applies each through {@link WorkflowCommands};
 * acknowledged only after the command took effect (or can never apply), retried while the store is unavailable.
 */
public final class WorkflowCommandConsumer implements AutoCloseable {
  public static final String DURABLE = "workflow-service";
  private static final Logger LOG = Logger.getLogger(WorkflowCommandConsumer.class);

  private final DurableConsumer consumer;

  private WorkflowCommandConsumer(DurableConsumer consumer) {
    this.consumer = consumer;
  }

  public static WorkflowCommandConsumer start(BusConnection bus, WorkflowCommands commands) {
    Topology topology = new Topology(bus);
    topology.ensureConsumer(ConsumerSpec.pull(StandardStreams.COMMANDS, DURABLE,
        Subjects.COMMANDS_PREFIX + ".workflow.>"));
    DurableConsumer consumer = DurableConsumer.start(bus, StandardStreams.COMMANDS, DURABLE, delivery -> {
      String[] tokens = delivery.subject().split("\\.");
      String namespace = tokens.length >= 3 ? tokens[2] : "default";
      JsonNode command;
      try {
        command = Json.parse(delivery.data());
      } catch (RuntimeException e) {
        return Outcome.reject("command on " + delivery.subject() + " is not JSON: " + e.getMessage());
      }
      try {
        LOG.infof("command %s: %s", command.path("idempotencyKey").asText(), commands.apply(namespace, command));
        return Outcome.ack();
      } catch (EngineException e) {
        return Outcome.reject("command " + command.path("idempotencyKey").asText() + " cannot apply: "
            + e.getMessage());
      } catch (ResourceStoreException e) {
        LOG.warnf("command %s: store unavailable, retrying: %s", command.path("idempotencyKey").asText(),
            e.getMessage());
        return Outcome.retryIn(Duration.ofSeconds(1));
      }
    });
    return new WorkflowCommandConsumer(consumer);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
