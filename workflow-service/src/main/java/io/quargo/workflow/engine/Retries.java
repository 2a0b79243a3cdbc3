package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.expr.ExprException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code retryStrategy} (Argo's {@code processNodeRetries}): a Retry node whose children are the attempts
 * {@code name(0)}, {@code name(1)}, ...; after a failed attempt: shutdown, backoff and maxDuration, policy,
 * limit, expression, in that order.
 */
final class Retries {
  private final Operator op;

  Retries(Operator op) {
    this.op = op;
  }

  Node execute(String nodeName, Node node, ResolvedTemplate r, JsonNode strategy, CallOptions opts) {
    if (node == null) {
      node = op.create(nodeName, NodeType.Retry, opts, r);
    }
    int attempts = attempts(node);
    Node last = attempts == 0 ? null : op.run.node(node.name + "(" + (attempts - 1) + ")");
    if (last != null && !last.fulfilled()) {
      last = attempt(node, attempts - 1, r, opts);
    }
    if (last != null && !last.fulfilled()) {
      return node;
    }
    if (last != null) {
      if (last.phase.successful()) {
        node.outputs = last.outputs;
        node.globalNames = last.globalNames;
        return op.finish(node, last.phase == NodePhase.Succeeded ? NodePhase.Succeeded : last.phase, null);
      }
      String stop = stopReason(node, last, strategy);
      if (stop != null) {
        node.outputs = last.outputs;
        return op.finish(node, last.phase, stop.isEmpty() ? last.message : stop);
      }
      Instant resumeAt = backoffUntil(node, last, strategy);
      if (resumeAt == null) {
        return op.finish(node, last.phase, "Backoff would exceed max duration limit");
      }
      if (op.now.isBefore(resumeAt)) {
        node.message = "Backoff for " + Times.humanize(Duration.between(last.finishedAt, resumeAt));
        op.wakeAt(resumeAt);
        return node;
      }
      node.message = null;
    }
    attempt(node, attempts, r, opts);
    return node;
  }

  /** Attempts are found by name: the Retry node's children may also hold its exit hook. */
  private int attempts(Node node) {
    int n = 0;
    while (op.run.node(node.name + "(" + n + ")") != null) {
      n++;
    }
    return n;
  }

  private Node attempt(Node retryNode, int index, ResolvedTemplate r, CallOptions opts) {
    String name = retryNode.name + "(" + index + ")";
    Map<String, Object> extra = new LinkedHashMap<>();
    if (opts.extraVars() != null) {
      extra.putAll(opts.extraVars());
    }
    extra.put("retries", Integer.toString(index));
    extra.putAll(lastRetry(retryNode, index));
    ResolvedTemplate attemptTemplate = new ResolvedTemplate(
        Substitution.object(r.template(), op.vars(extra), Substitution.LEAVE), r.holder(), r.templateName(),
        r.templateRef());
    CallOptions attemptOpts = new CallOptions(opts.boundaryId(), retryNode.displayName + "(" + index + ")", extra,
        opts.onExit());
    Node existing = op.run.node(name);
    if (existing != null && existing.fulfilled()) {
      return existing;
    }
    if (existing == null && op.shutdownMessage != null && !(opts.onExit() && op.runExitHandlers)) {
      return null;
    }
    Node child = op.executeBody(name, existing, attemptTemplate, attemptOpts);
    if (child != null) {
        retryNode.addChild(child.id);
      }
    return child;
  }

  /** {@code lastRetry.*} as strings, from the previous attempt; Argo's defaults when there is none. */
  private Map<String, Object> lastRetry(Node retryNode, int index) {
    Map<String, Object> vars = new LinkedHashMap<>();
    Node prev = index == 0 ? null : op.run.node(retryNode.name + "(" + (index - 1) + ")");
    vars.put("lastRetry.exitCode", prev == null || prev.exitCode() == null ? "0" : prev.exitCode());
    vars.put("lastRetry.status", prev == null ? "" : prev.phase.name());
    vars.put("lastRetry.duration", prev == null || prev.finishedAt == null ? "0"
        : Long.toString(Duration.between(prev.startedAt, prev.finishedAt).toSeconds()));
    vars.put("lastRetry.message", prev == null || prev.message == null ? "" : prev.message);
    return vars;
  }

  /** Null to retry; "" to stop with the attempt's own message; else the message to stop with. */
  private String stopReason(Node node, Node last, JsonNode strategy) {
    if (op.shutdownMessage != null) {
      return "";
    }
    String policy = strategy.path("retryPolicy").asText("");
    if (policy.isEmpty()) {
      policy = strategy.has("expression") ? "Always" : "OnFailure";
    }
    boolean retry = switch (policy) {
      case "Always" -> true;
      case "OnError", "OnTransientError" -> last.phase == NodePhase.Error;
      default -> last.phase == NodePhase.Failed;
    };
    if (!retry) {
      return "";
    }
    JsonNode limit = strategy.get("limit");
    if (limit != null && !limit.asText().isEmpty()) {
      int max;
      try {
        max = Integer.parseInt(limit.asText().trim());
      } catch (NumberFormatException e) {
        return "retryStrategy.limit '" + limit.asText() + "' is not an integer";
      }
      if (attempts(node) > max) {
        return "";
      }
    }
    if (strategy.hasNonNull("expression")) {
      Map<String, Object> vars = op.vars(lastRetry(node, attempts(node)));
      try {
        Object ok = Substitution.EXPRESSIONS.evaluate(strategy.get("expression").asText(),
            io.quargo.core.tags.ExpressionEnv.expand(vars));
        if (!Boolean.TRUE.equals(ok)) {
          return "";
        }
      } catch (ExprException e) {
        return "retryStrategy.expression failed: " + e.getMessage();
      }
    }
    return null;
  }

  /** When the next attempt may start; null when the backoff would pass {@code maxDuration}. */
  private Instant backoffUntil(Node node, Node last, JsonNode strategy) {
    JsonNode backoff = strategy.get("backoff");
    if (backoff == null || !backoff.isObject()) {
      return op.now;
    }
    Duration wait = backoff.hasNonNull("duration")
        ? Timeouts.parse(backoff.get("duration").asText(), "retryStrategy.backoff.duration") : Duration.ZERO;
    int factor = backoff.path("factor").asInt(0);
    if (backoff.hasNonNull("factor") && factor == 0) {
      factor = parseInt(backoff.get("factor").asText());
    }
    if (factor > 0) {
      wait = wait.multipliedBy((long) Math.pow(factor, attempts(node) - 1));
    }
    if (backoff.hasNonNull("cap")) {
      Duration cap = Timeouts.parse(backoff.get("cap").asText(), "retryStrategy.backoff.cap");
      if (wait.compareTo(cap) > 0) {
        wait = cap;
      }
    }
    Instant at = (last.finishedAt == null ? op.now : last.finishedAt).plus(wait);
    if (backoff.hasNonNull("maxDuration")) {
      Duration max = Timeouts.parse(backoff.get("maxDuration").asText(), "retryStrategy.backoff.maxDuration");
      Node first = op.run.node(node.name + "(0)");
      if (at.isAfter(first.startedAt.plus(max))) {
        return null;
      }
    }
    return at;
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new EngineException("retryStrategy.backoff.factor '" + text + "' is not an integer");
    }
  }

}
