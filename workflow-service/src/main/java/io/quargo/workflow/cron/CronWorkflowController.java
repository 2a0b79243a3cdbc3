package io.quargo.workflow.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.Rfc3339;
import io.quargo.core.lang.ArgoExpressions;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.WorkflowActions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs CronWorkflows (docs/cron-workflows.md): each second, every CronWorkflow whose tick is due gets its child
 * Workflow, named {@code <cron>-<unix seconds of the tick>} as Argo names it, so two schedulers (or one restarted
 * mid-tick) create it once. {@code status.lastScheduledTime} is the last-run record and lives in the store (KV in
 * standalone), so a restart neither repeats nor, within {@code startingDeadlineSeconds}, misses a tick.
 * {@code concurrencyPolicy}, {@code when}, {@code suspend}, {@code stopStrategy} and the history limits apply.
 */
public final class CronWorkflowController implements AutoCloseable {
  public static final String CRON_LABEL = "workflows.argoproj.io/cron-workflow";
  public static final String SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";
  private static final Logger LOG = Logger.getLogger(CronWorkflowController.class);
  private static final ArgoExpressions EXPRESSIONS = ArgoExpressions.standard();

  private final ResourceStore store;
  private final WorkflowController workflows;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cron-workflows");
    t.setDaemon(true);
    return t;
  });

  public CronWorkflowController(ResourceStore store, WorkflowController workflows, Clock clock) {
    this.store = store;
    this.workflows = workflows;
    this.clock = clock;
  }

  public CronWorkflowController start() {
    timer.scheduleWithFixedDelay(this::pass, 0, 1, TimeUnit.SECONDS);
    return this;
  }

  /** One look at every CronWorkflow; public so tests can drive it with their own clock. */
  public void pass() {
    try {
      for (Resource cron : store.list(ArgoKinds.CRON_WORKFLOW, null).items()) {
        try {
          process(cron, clock.instant());
        } catch (EngineException e) {
          writeStatus(cron, status(cron).put("phase", "Error").put("message", e.getMessage()));
        } catch (ResourceStoreException e) {
          LOG.debugf("CronWorkflow %s/%s: %s (next second)", cron.namespace(), cron.name(), e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("cron pass failed: %s", e.getMessage());
    }
  }

  private void process(Resource cron, Instant now) {
    JsonNode spec = cron.spec();
    List<Resource> children = children(cron);
    ObjectNode status = status(cron);
    sweep(cron, children, status);
    if (spec.path("suspend").asBoolean(false)) {
      writeStatus(cron, status);
      return;
    }
    CronTiming timing = new CronTiming(spec);
    Instant last = status.hasNonNull("lastScheduledTime") ? Rfc3339.parse(status.get("lastScheduledTime").asText())
        : Rfc3339.parse(cron.creationTimestamp());
    Instant tick = timing.due(last, now);
    if (tick == null) {
      writeStatus(cron, status);
      return;
    }
    status.put("lastScheduledTime", Rfc3339.format(tick.truncatedTo(ChronoUnit.SECONDS)));
    if (!when(cron, status, last)) {
      writeStatus(cron, status);
      return;
    }
    List<Resource> active = children.stream().filter(c -> !completed(c)).toList();
    String policy = spec.path("concurrencyPolicy").asText("Allow");
    if (policy.equals("Forbid") && !active.isEmpty()) {
      LOG.infof("CronWorkflow %s/%s: tick %s skipped, %d workflow(s) still running (Forbid)", cron.namespace(),
          cron.name(), tick, active.size());
      writeStatus(cron, status);
      return;
    }
    if (policy.equals("Replace")) {
      active.forEach(w -> {
        try {
          workflows.act(w.namespace(), w.name(), WorkflowActions::terminate);
        } catch (EngineException e) {
          LOG.debugf("replace: %s", e.getMessage());
        }
      });
    }
    submit(cron, tick);
    writeStatus(cron, status);
  }

  private void submit(Resource cron, Instant tick) {
    ObjectNode wf = Json.object().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    ObjectNode meta = wf.putObject("metadata").put("name", cron.name() + "-" + tick.getEpochSecond())
        .put("namespace", cron.namespace());
    JsonNode wfMeta = cron.spec().path("workflowMetadata");
    ObjectNode labels = wfMeta.get("labels") instanceof ObjectNode l ? l.deepCopy() : Json.object();
    labels.put(CRON_LABEL, cron.name());
    meta.set("labels", labels);
    ObjectNode annotations = wfMeta.get("annotations") instanceof ObjectNode a ? a.deepCopy() : Json.object();
    annotations.put(SCHEDULED_TIME, Rfc3339.format(tick));
    meta.set("annotations", annotations);
    meta.putArray("ownerReferences").addObject().put("apiVersion", "argoproj.io/v1alpha1")
        .put("kind", "CronWorkflow").put("name", cron.name()).put("uid", cron.uid());
    wf.set("spec", cron.spec().path("workflowSpec").deepCopy());
    try {
      workflows.submit(Resource.of(wf));
    } catch (ResourceStoreException e) {
      if (e.reason() != ResourceStoreException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      // another scheduler, or this one before a restart, already ran this tick
    }
  }

  /** {@code when}: expr over {@code cronworkflow.*}; false skips the tick. */
  private boolean when(Resource cron, ObjectNode status, Instant last) {
    String when = cron.spec().path("when").asText("");
    if (when.isBlank()) {
      return true;
    }
    Object v = EXPRESSIONS.evaluate(when.replaceAll("^\\{\\{=?|}}$", "").trim(), vars(cron, status, last));
    return Boolean.TRUE.equals(v);
  }

  private static Map<String, Object> vars(Resource cron, ObjectNode status, Instant last) {
    Map<String, Object> cw = new LinkedHashMap<>();
    cw.put("name", cron.name());
    cw.put("namespace", cron.namespace());
    cw.put("labels", new LinkedHashMap<>(cron.labels()));
    cw.put("annotations", new LinkedHashMap<>(cron.annotations()));
    cw.put("lastScheduledTime", status.has("lastScheduledTime") ? last.toString() : null);
    cw.put("failed", status.path("failed").asLong(0));
    cw.put("succeeded", status.path("succeeded").asLong(0));
    return Map.of("cronworkflow", cw);
  }

  /** Counts finished children, drops those past the history limits, and applies {@code stopStrategy}. */
  private void sweep(Resource cron, List<Resource> children, ObjectNode status) {
    List<Resource> succeeded = new ArrayList<>();
    List<Resource> failed = new ArrayList<>();
    ObjectNode seen = status.with("quargoCounted");
    for (Resource c : children) {
      String phase = c.status().path("phase").asText("");
      if (!completed(c)) {
        continue;
      }
      (phase.equals("Succeeded") ? succeeded : failed).add(c);
      if (!seen.has(c.name())) {
        seen.put(c.name(), phase);
        status.put(phase.equals("Succeeded") ? "succeeded" : "failed",
            status.path(phase.equals("Succeeded") ? "succeeded" : "failed").asLong(0) + 1);
      }
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    children.forEach(c -> names.add(c.name()));
    seen.retain(names);
    trim(succeeded, cron.spec().path("successfulJobsHistoryLimit").asInt(3));
    trim(failed, cron.spec().path("failedJobsHistoryLimit").asInt(1));
    List<String> activeNames = children.stream().filter(c -> !completed(c)).map(Resource::name).toList();
    status.set("active", Json.MAPPER.valueToTree(activeNames.stream().map(n -> Map.of("name", n,
        "namespace", cron.namespace(), "kind", "Workflow")).toList()));
    String stop = cron.spec().path("stopStrategy").path("expression").asText("");
    if (!stop.isBlank() && !cron.spec().path("suspend").asBoolean(false)
        && Boolean.TRUE.equals(EXPRESSIONS.evaluate(stop, vars(cron, status, null)))) {
      ObjectNode spec = (ObjectNode) cron.spec().deepCopy();
      spec.put("suspend", true);
      store.update(cron.withSpec(spec));
      status.put("phase", "Stopped").put("message", "stopStrategy.expression '" + stop + "' is true");
    }
  }

  private void trim(List<Resource> done, int keep) {
    done.sort(Comparator.comparing((Resource r) -> r.status().path("finishedAt").asText(""))
        .thenComparing(Resource::name));
    for (int i = 0; i < done.size() - Math.max(0, keep); i++) {
      try {
        store.delete(ArgoKinds.WORKFLOW, done.get(i).namespace(), done.get(i).name());
      } catch (ResourceStoreException e) {
        LOG.debugf("history limit: %s", e.getMessage());
      }
    }
  }

  private List<Resource> children(Resource cron) {
    return store.list(ArgoKinds.WORKFLOW, cron.namespace()).items().stream()
        .filter(w -> cron.name().equals(w.labels().get(CRON_LABEL))).toList();
  }

  private static boolean completed(Resource w) {
    String phase = w.status().path("phase").asText("");
    return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
  }

  private static ObjectNode status(Resource cron) {
    return cron.status() instanceof ObjectNode o ? o.deepCopy() : Json.object();
  }

  private void writeStatus(Resource cron, ObjectNode status) {
    if (status.equals(cron.status())) {
      return;
    }
    Resource current = store.get(ArgoKinds.CRON_WORKFLOW, cron.namespace(), cron.name()).orElse(null);
    if (current != null) {
      store.updateStatus(current.withStatus(status));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
