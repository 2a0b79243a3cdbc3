package io.quargo.standalone.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.workflow.controller.LifecycleSink;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the controller's phase changes as CloudEvents on {@code lifecycle.<ns>.workflow.<name>} (DESIGN §2).
 * Asynchronous so the engine thread never waits on the bus; a failed publish is logged, as the stored status
 * (not the event) is the record a watcher re-reads.
 */
public final class BusLifecycleSink implements LifecycleSink {
  static final String KIND_TOKEN = "workflow";
  private static final Logger LOG = Logger.getLogger(BusLifecycleSink.class);

  private final Publisher publisher;
  private final Clock clock;

  public BusLifecycleSink(Publisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void publish(String namespace, String name, String type, ObjectNode data) {
    CloudEvent event = CloudEvent.builder().id(UUID.randomUUID().toString()).source("workflow-controller")
        .type(type).subject(name).time(clock.instant()).datacontenttype(CloudEvent.APPLICATION_JSON).data(data)
        .build();
    publisher.publishAsync(Subjects.lifecycle(namespace, KIND_TOKEN, name), event).whenComplete((r, e) -> {
      if (e != null) {
        LOG.warnf("lifecycle event %s of workflow %s/%s not published: %s", type, namespace, name, e.getMessage());
      }
    });
  }
}
