package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEventJson;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The {@code log} trigger: one line per firing with the sensor, trigger, execution key and every event that
 * satisfied the conditions. Argo's {@code intervalSeconds} throttle is not applied (each firing is logged).
 */
public final class LogTrigger implements TriggerExecutor {
  private static final Logger LOG = Logger.getLogger(LogTrigger.class);
  private final Consumer<String> sink;

  public LogTrigger(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Logs through JBoss Logging at INFO. */
  public LogTrigger() {
    this(LOG::info);
  }

  @Override
  public String kind() {
    return "log";
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    ObjectNode line = Json.object();
    line.put("sensor", sensor.namespace() + "/" + sensor.name());
    line.put("trigger", trigger.name());
    line.put("executionKey", firing.executionKey());
    ObjectNode events = line.putObject("events");
    firing.events().forEach((dep, e) -> events.set(dep, CloudEventJson.toTree(e, CloudEventJson.DataEncoding.JSON)));
    sink.accept(Json.string(line));
  }
}
