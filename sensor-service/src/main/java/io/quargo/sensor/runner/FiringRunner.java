package io.quargo.sensor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.ConditionTracker;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.ParameterException;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.TriggerExecutor;
import io.quargo.sensor.trigger.TriggerFailure;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Performs one pending firing and records it done. A transient failure is thrown, so the event is redelivered and
 * the still-pending firing is performed again with the same execution key; a permanent one (a spec or parameter
 * that cannot work) is logged with its JSON path and recorded done, since repeating cannot help.
 */
final class FiringRunner {
  private static final Logger LOG = Logger.getLogger(FiringRunner.class);

  private final Sensor sensor;
  private final ConditionTracker tracker;
  private final Map<String, TriggerExecutor> executors;

  FiringRunner(Sensor sensor, ConditionTracker tracker, Map<String, TriggerExecutor> executors) {
    this.sensor = sensor;
    this.tracker = tracker;
    this.executors = executors;
  }

  void run(Trigger trigger, Firing firing) {
    TriggerExecutor executor = executors.get(SensorRunner.kindKey(trigger.type()));
    try {
      JsonNode template = TriggerParameters.apply(trigger.template(), trigger.parameters(), firing.events());
      if (!(template instanceof ObjectNode object) || !object.path(trigger.type()).isObject()) {
        throw TriggerFailure.permanent(trigger.where() + ".parameters: after the parameters the template is no"
            + " longer an object with '" + trigger.type() + "'; check the dest of each parameter");
      }
      executor.execute(sensor, trigger, object, firing);
    } catch (ParameterException e) {
      failedForGood(trigger, firing, e.getMessage());
      return;
    } catch (TriggerFailure e) {
      if (!e.permanent()) {
        throw e;
      }
      failedForGood(trigger, firing, e.getMessage());
      return;
    }
    tracker.complete(trigger, firing);
    LOG.debugf("Sensor %s/%s trigger %s fired (execution key %s)", sensor.namespace(), sensor.name(),
        trigger.name(), firing.executionKey());
  }

  private void failedForGood(Trigger trigger, Firing firing, String reason) {
    LOG.errorf("Sensor %s/%s trigger %s failed and will not be retried (execution key %s): %s",
        sensor.namespace(), sensor.name(), trigger.name(), firing.executionKey(), reason);
    tracker.complete(trigger, firing);
  }
}
