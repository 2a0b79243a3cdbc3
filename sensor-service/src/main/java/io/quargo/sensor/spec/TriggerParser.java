package io.quargo.sensor.spec;

import static io.quargo.sensor.spec.SpecReader.list;
import static io.quargo.sensor.spec.SpecReader.object;
import static io.quargo.sensor.spec.SpecReader.requireObject;
import static io.quargo.sensor.spec.SpecReader.text;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.govaluate.GovaluateException;
import io.quargo.core.govaluate.SensorConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code spec.triggers[]}: template kind, conditions, resets, parameters and policy. */
final class TriggerParser {
  /** Trigger kinds of {@code TriggerTemplate}, exactly one per template. */
  static final List<String> TYPES = List.of("k8s", "argoWorkflow", "http", "awsLambda", "custom", "kafka", "nats",
      "slack", "openWhisk", "log", "azureEventHubs", "azureServiceBus", "pulsar", "email");
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private TriggerParser() {}

  static Trigger trigger(JsonNode node, String path, List<String> dependencyNames) {
    requireObject(node, path);
    JsonNode template = object(node, "template", path);
    if (template == null) {
      throw new SensorSpecException(path + ".template", "is required: {name: ..., <kind>: {...}}");
    }
    String tpath = path + ".template";
    String name = SpecReader.requiredText(template, "name", tpath);
    String type = type(template, tpath);
    String conditionsText = text(template, "conditions", tpath);
    if (conditionsText.isBlank()) {
      conditionsText = String.join(" && ", dependencyNames);
    }
    SensorConditions conditions = conditions(conditionsText, tpath + ".conditions", dependencyNames);
    JsonNode typeSpec = template.get(type);
    return new Trigger(path, name, conditionsText, conditions,
        list(template, "conditionsReset", tpath, TriggerParser::reset), type, (ObjectNode) template,
        list(node, "parameters", path, ParameterParser::parameter),
        list(typeSpec, "parameters", tpath + "." + type, ParameterParser::parameter),
        list(typeSpec, "payload", tpath + "." + type, ParameterParser::parameter),
        statusAllow(node, path), SpecReader.bool(node, "atLeastOnce", path),
        TriggerPolicyParser.retryStrategy(node, path), TriggerPolicyParser.rateLimit(node, path),
        dlqTrigger(node, path, dependencyNames), TriggerPolicyParser.k8s(node, path));
  }

  private static Trigger dlqTrigger(JsonNode node, String path, List<String> dependencyNames) {
    JsonNode dlq = object(node, "dlqTrigger", path);
    if (dlq == null) {
      return null;
    }
    if (SpecReader.present(dlq, "dlqTrigger")) {
      throw new SensorSpecException(path + ".dlqTrigger.dlqTrigger", "a dlqTrigger cannot have a dlqTrigger of its"
          + " own; remove it");
    }
    return trigger(dlq, path + ".dlqTrigger", dependencyNames);
  }

  /**
   * The one kind key of the template. Keys are matched ignoring case, because Argo's own openwhisk example
   * spells {@code openWhisk} in lower case; the returned name is the key as written.
   */
  private static String type(JsonNode template, String path) {
    List<String> found = new ArrayList<>();
    template.fieldNames().forEachRemaining(key -> {
      if (TYPES.stream().anyMatch(t -> t.equalsIgnoreCase(key)) && SpecReader.present(template, key)) {
        found.add(key);
      }
    });
    if (found.size() != 1) {
      throw new SensorSpecException(path, (found.isEmpty() ? "names no trigger kind" : "names several trigger kinds "
          + found) + "; give exactly one of " + TYPES);
    }
    SpecReader.object(template, found.get(0), path);
    return found.get(0);
  }

  private static SensorConditions conditions(String text, String path, List<String> dependencyNames) {
    SensorConditions parsed;
    try {
      parsed = SensorConditions.parse(text);
    } catch (GovaluateException e) {
      throw new SensorSpecException(path, "invalid conditions '" + text + "': " + e.getMessage());
    }
    Set<String> unknown = parsed.dependencies().stream().filter(d -> !dependencyNames.contains(d))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!unknown.isEmpty()) {
      throw new SensorSpecException(path, "names dependencies that spec.dependencies does not declare: " + unknown
          + "; declared are " + dependencyNames);
    }
    if (parsed.dependencies().isEmpty()) {
      throw new SensorSpecException(path, "names no dependency; write e.g. 'dep-a && (dep-b || dep-c)'");
    }
    return parsed;
  }

  private static ConditionsReset reset(JsonNode node, String path) {
    requireObject(node, path);
    JsonNode byTime = object(node, "byTime", path);
    if (byTime == null) {
      throw new SensorSpecException(path + ".byTime", "is required: {cron: '0 0 * * *', timezone: ...}");
    }
    String at = path + ".byTime";
    String cronText = SpecReader.requiredText(byTime, "cron", at);
    Cron cron;
    try {
      cron = CRON.parse(cronText).validate();
    } catch (IllegalArgumentException e) {
      throw new SensorSpecException(at + ".cron", "invalid cron '" + cronText
          + "': " + e.getMessage() + "; use 5 fields: minute hour day-of-month month day-of-week");
    }
    return new ConditionsReset(at, cronText, cron, FilterParser.zone(text(byTime, "timezone", at), at + ".timezone"));
  }

  private static List<Integer> statusAllow(JsonNode trigger, String path) {
    JsonNode policy = object(trigger, "policy", path);
    JsonNode status = policy == null ? null : object(policy, "status", path + ".policy");
    if (status == null) {
      return List.of();
    }
    String at = path + ".policy.status";
    List<Integer> out = new ArrayList<>();
    for (JsonNode code : list(status, "allow", at, (n, p) -> n)) {
      if (!code.canConvertToInt() || !code.isIntegralNumber()) {
        throw new SensorSpecException(at + ".allow[" + out.size() + "]", "must be an HTTP status code, got "
            + SpecReader.type(code));
      }
      out.add(code.intValue());
    }
    return List.copyOf(out);
  }
}
