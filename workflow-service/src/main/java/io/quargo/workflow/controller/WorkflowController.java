package io.quargo.workflow.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.Rfc3339;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.WatchEvent;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.Plan;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.SyncStatus;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import io.quargo.workflow.run.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs the workflows of a {@link ResourceStore} (DESIGN §3, §5): a watch feeds new Workflows to the engine,
 * executor reports and timers drive it, and status is written back after every transition with
 * compare-and-set. All engine state lives on one thread. On start, unfinished workflows are resumed from their
 * stored status: finished nodes are not re-run, and a pod whose process died with the previous engine ends in
 * Error, so its retryStrategy decides what happens next.
 */
public final class WorkflowController implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkflowController.class);

  private final ResourceStore store;
  private final Executor executor;
  private final LifecycleSink lifecycle;
  private final EngineSettings settings;
  private final Clock clock;
  private final SyncLocks locks;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "workflow-engine");
    t.setDaemon(true);
    return t;
  });
  private static final Duration BIG_STATUS_EVERY = Duration.ofSeconds(1);
  private final Map<String, ActiveWorkflow> active = new HashMap<>();
  private ResourceStore.Watch watch;
  private ResourceStore.Watch configMapWatch;
  private NodeStatusOffload offload;
  private io.quargo.workflow.engine.MemoCache memo = new io.quargo.workflow.engine.InMemoryMemoCache();

  public WorkflowController(ResourceStore store, Executor executor, LifecycleSink lifecycle,
      EngineSettings settings, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.clock = clock;
    this.locks = new SyncLocks(new SyncConfigMapLimits(store));
    locks.onWake(key -> post(() -> requeue(key)));
  }

  /** Statuses too large for one KV value put their nodes in the object store (set before {@link #start}). */
  public WorkflowController withOffload(NodeStatusOffload offload) {
    this.offload = offload;
    return this;
  }

  /** Where {@code memoize} keeps outputs ({@link KvMemoCache} to outlive the process; set before {@link #start}). */
  public WorkflowController withMemoCache(io.quargo.workflow.engine.MemoCache cache) {
    this.memo = cache;
    return this;
  }

  /** The workflow with offloaded nodes put back, as the API shows it. */
  public Resource hydrate(Resource workflow) {
    return offload == null ? workflow : offload.hydrate(workflow);
  }

  /** Resumes unfinished workflows, then watches for new ones. */
  public void start() {
    ResourceList list = store.list(ArgoKinds.WORKFLOW, null);
    call(() -> {
      // locks first: a holder recorded in a stored status keeps its lock before anyone else may ask
      list.items().stream().filter(r -> !finished(r.status().path("phase").asText("")))
          .forEach(r -> SyncStatus.reacquire(locks, r.status().get("synchronization")));
      list.items().forEach(this::activate);
      return null;
    });
    watch = store.watch(ArgoKinds.WORKFLOW, null, list.resourceVersion(), this::onWatch);
    // a changed semaphore ConfigMap may let waiters through: they try again with the new limit
    configMapWatch = store.watch(ArgoKinds.CONFIG_MAP, null, null, e -> post(() -> locks.wakeWaiters(
        e.resource().namespace() + "/ConfigMap/" + e.resource().name() + "/")));
  }

  private void onWatch(WatchEvent event) {
    post(() -> {
      Resource r = event.resource();
      String key = key(r.namespace(), r.name());
      if (event.type() == WatchEvent.Type.DELETED) {
        locks.releaseWorkflow(key);
        ActiveWorkflow a = active.remove(key);
        if (a != null) {
          a.tasks.values().forEach(t -> t.kill("workflow deleted"));
        }
      } else if (event.type() == WatchEvent.Type.ADDED && !active.containsKey(key)) {
        // a watch started from a list may repeat an old ADDED: act on the current copy only
        store.get(ArgoKinds.WORKFLOW, r.namespace(), r.name()).ifPresent(this::activate);
      }
    });
  }

  /** Stores a new Workflow ({@code generateName} honoured); the watch starts it. */
  public Resource submit(Resource workflow) {
    return store.create(workflow);
  }

  /**
   * Applies an action (stop, resume, retry, ...) to a workflow on the engine thread, persists it and reconciles.
   * A finished workflow is loaded back for actions that revive it (retry).
   */
  public Resource act(String namespace, String name, Consumer<WorkflowRun> action) {
    return call(() -> {
      String key = key(namespace, name);
      ActiveWorkflow a = active.get(key);
      if (a == null) {
        Resource stored = store.get(ArgoKinds.WORKFLOW, namespace, name).orElseThrow(() -> new EngineException(
            "workflows.argoproj.io \"" + name + "\" not found in namespace " + namespace));
        a = restore(stored);
      }
      action.accept(a.run);
      a.stored = persistSpec(a);
      active.put(key, a);
      reconcile(a);
      return a.stored;
    });
  }

  /** The current run of an active workflow (a copy of its status), for the API's logs and views. */
  public Optional<ObjectNode> liveStatus(String namespace, String name) {
    return call(() -> Optional.ofNullable(active.get(key(namespace, name))).map(a -> a.run.status()));
  }

  private void activate(Resource r) {
    String phase = r.status().path("phase").asText("");
    if (finished(phase)) {
      scheduleTtl(r);
      return;
    }
    try {
      ActiveWorkflow a = phase.isEmpty() ? fresh(r) : restore(r);
      active.put(a.key, a);
      reconcile(a);
    } catch (EngineException e) {
      fail(r, e.getMessage());
    }
  }

  private ActiveWorkflow fresh(Resource r) {
    Instant created = r.creationTimestamp() == null ? clock.instant() : Rfc3339.parse(r.creationTimestamp());
    WorkflowRun run = Submission.prepare(r, Map.of(), null, new StoreTemplates(store, r.namespace()), created);
    io.quargo.workflow.engine.StandaloneChecks.check(run.spec);
    io.quargo.workflow.engine.Resubmission.seed(run, r.status()); // resubmit --memoized: the kept nodes
    return new ActiveWorkflow(key(r.namespace(), r.name()), run, engine(r.namespace()), r);
  }

  private ActiveWorkflow restore(Resource stored) {
    Resource r = hydrate(stored);
    JsonNode status = r.status();
    ObjectNode spec = status.get("storedWorkflowTemplateSpec") instanceof ObjectNode s ? s.deepCopy()
        : (ObjectNode) r.spec().deepCopy();
    Instant created = r.creationTimestamp() == null ? clock.instant() : Rfc3339.parse(r.creationTimestamp());
    WorkflowRun run = WorkflowRun.restore((ObjectNode) r.tree().path("metadata").deepCopy(), spec, status, created);
    ActiveWorkflow a = new ActiveWorkflow(key(r.namespace(), r.name()), run, engine(r.namespace()), stored);
    a.lastStatus = Json.string(status);
    a.lastPhase = run.phase;
    run.nodes().forEach(n -> a.nodePhases.put(n.id, n.phase.name()));
    return a;
  }

  private WorkflowEngine engine(String namespace) {
    return new WorkflowEngine(new StoreTemplates(store, namespace), settings, locks).withMemoCache(memo);
  }

  private void reconcile(ActiveWorkflow a) {
    a.reconcileQueued = false;
    Plan plan;
    try {
      plan = a.engine.reconcile(a.run, clock.instant());
    } catch (RuntimeException e) {
      LOG.errorf(e, "workflow %s: the engine failed; the workflow is marked Error", a.key);
      a.run.phase = "Error";
      a.run.message = "internal error: " + e.getMessage();
      a.run.finishedAt = clock.instant();
      locks.releaseWorkflow(a.key);
      a.run.synchronization = null;
      plan = new Plan(java.util.List.of(), Map.of(), null, true);
    }
    for (ExecutionTask task : plan.start()) {
      a.tasks.put(task.nodeId(), executor.start(task, listener(a.key, task.nodeId())));
    }
    plan.kill().forEach((id, message) -> Optional.ofNullable(a.tasks.get(id)).ifPresent(t -> t.kill(message)));
    persistStatus(a);
    publishChanges(a);
    if (a.wake != null) {
      a.wake.cancel(false);
      a.wake = null;
    }
    if (plan.completed() && a.tasks.isEmpty()) {
      active.remove(a.key);
      scheduleTtl(a.stored);
    } else if (plan.wakeAt() != null) {
      long ms = Math.max(0, Duration.between(clock.instant(), plan.wakeAt()).toMillis() + 1);
      a.wake = later(() -> requeue(a.key), ms, TimeUnit.MILLISECONDS);
    }
  }

  /** Reports coalesce: one reconcile per burst. */
  private void requeue(String key) {
    ActiveWorkflow a = active.get(key);
    if (a != null && !a.reconcileQueued) {
      a.reconcileQueued = true;
      post(() -> {
        if (active.get(key) == a) {
          reconcile(a);
        }
      });
    }
  }

  private ExecutionListener listener(String key, String nodeId) {
    return new ExecutionListener() {
      @Override
      public void started(Instant at) {
        post(() -> Optional.ofNullable(active.get(key)).ifPresent(a -> {
          a.engine.started(a.run, nodeId, at);
          requeue(key);
        }));
      }

      @Override
      public void log(String stream, String line) {
        // stored by the executor; the API reads them from there
      }

      @Override
      public void finished(ExecutionResult result) {
        post(() -> Optional.ofNullable(active.get(key)).ifPresent(a -> {
          a.tasks.remove(nodeId);
          a.engine.finished(a.run, nodeId, result);
          requeue(key);
        }));
      }
    };
  }

  private void persistStatus(ActiveWorkflow a) {
    ObjectNode status = a.run.status();
    if (a.stored.spec().has("workflowTemplateRef")) {
      status.set("storedWorkflowTemplateSpec", a.run.spec);
    }
    String text = Json.string(status);
    if (text.equals(a.lastStatus)) {
      return;
    }
    if (offload != null && offload.tooLarge(text) && !a.run.completed()
        && a.lastPersisted != null && Duration.between(a.lastPersisted, clock.instant()).compareTo(BIG_STATUS_EVERY) < 0) {
      // a big tree is written at most once per interval; the pending change is written by the timer
      if (!a.persistQueued) {
        a.persistQueued = true;
        later(() -> {
          a.persistQueued = false;
          if (active.get(a.key) == a) {
            persistStatus(a);
          }
        }, BIG_STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
      return;
    }
    a.lastPersisted = clock.instant();
    String previous = a.stored.status().path(NodeStatusOffload.FIELD).asText(null);
    ObjectNode toStore = offload == null ? status
        : offload.shrink(a.run.namespace, a.run.name, status, text, previous);
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        a.stored = store.updateStatus(a.stored.withStatus(toStore));
        a.lastStatus = text;
        return;
      } catch (ResourceStoreException e) {
        if (e.reason() == ResourceStoreException.Reason.NOT_FOUND) {
          active.remove(a.key);
          locks.releaseWorkflow(a.key);
          a.tasks.values().forEach(t -> t.kill("workflow deleted"));
          return;
        }
        if (e.reason() != ResourceStoreException.Reason.CONFLICT) {
          LOG.warnf("workflow %s: status not stored (%s); retrying on the next change", a.key, e.getMessage());
          return;
        }
        store.get(ArgoKinds.WORKFLOW, a.run.namespace, a.run.name).ifPresent(fresh -> a.stored = fresh);
      }
    }
  }

  /** Actions change {@code shutdown}, {@code suspend} and arguments; the stored spec gets just those. */
  private Resource persistSpec(ActiveWorkflow a) {
    ObjectNode spec = (ObjectNode) a.stored.spec().deepCopy();
    for (String field : new String[] {"shutdown", "suspend"}) {
      if (a.run.spec.has(field)) {
        spec.set(field, a.run.spec.get(field));
      } else {
        spec.remove(field);
      }
    }
    if (!a.stored.spec().has("workflowTemplateRef") && a.run.spec.has("arguments")) {
      spec.set("arguments", a.run.spec.get("arguments"));
    }
    if (spec.equals(a.stored.spec())) {
      return a.stored;
    }
    return store.update(a.stored.withSpec(spec));
  }

  private void publishChanges(ActiveWorkflow a) {
    for (Node n : a.run.nodes()) {
      String phase = n.phase.name();
      if (!phase.equals(a.nodePhases.put(n.id, phase))) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("workflow", a.run.name).put("id", n.id)
            .put("name", n.name).put("displayName", n.displayName).put("type", n.type.name()).put("phase", phase);
        if (n.message != null) {
          data.put("message", n.message);
        }
        lifecycle.publish(a.run.namespace, a.run.name, "node.phase", data);
      }
    }
    if (!a.run.phase.equals(a.lastPhase)) {
      a.lastPhase = a.run.phase;
      ObjectNode data = Json.MAPPER.createObjectNode().put("workflow", a.run.name).put("phase", a.run.phase)
          .put("progress", a.run.progress());
      if (a.run.message != null) {
        data.put("message", a.run.message);
      }
      lifecycle.publish(a.run.namespace, a.run.name, "workflow.phase", data);
    }
  }

  /**
   * {@code ttlStrategy}: a finished workflow is deleted {@code secondsAfterSuccess}/{@code secondsAfterFailure}
   * (else {@code secondsAfterCompletion}) after it finished; counted from the stored finishedAt, so a restart
   * deletes what expired while it was down.
   */
  private void scheduleTtl(Resource wf) {
    JsonNode ttl = wf.spec().path("ttlStrategy");
    JsonNode status = wf.status();
    if (!ttl.isObject() || !status.hasNonNull("finishedAt")) {
      return;
    }
    boolean succeeded = status.path("phase").asText().equals("Succeeded");
    JsonNode seconds = succeeded ? ttl.get("secondsAfterSuccess") : ttl.get("secondsAfterFailure");
    if (seconds == null || seconds.isNull()) {
      seconds = ttl.get("secondsAfterCompletion");
    }
    if (seconds == null || seconds.isNull()) {
      return;
    }
    Instant due = Rfc3339.parse(status.get("finishedAt").asText()).plusSeconds(seconds.asLong());
    long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
    String namespace = wf.namespace();
    String name = wf.name();
    later(() -> {
      try {
        store.get(ArgoKinds.WORKFLOW, namespace, name).ifPresent(current -> {
          if (current.uid() == null || current.uid().equals(wf.uid())) {
            store.delete(ArgoKinds.WORKFLOW, namespace, name);
            if (offload != null) {
              offload.delete(current.status());
            }
            LOG.infof("workflow %s/%s deleted by its ttlStrategy", namespace, name);
          }
        });
      } catch (ResourceStoreException e) {
        LOG.debugf("ttl of %s/%s: %s", namespace, name, e.getMessage());
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  /** A workflow that cannot even start (bad templateRef, missing argument) is stored as Error, with why. */
  private void fail(Resource r, String message) {
    ObjectNode status = Json.MAPPER.createObjectNode().put("phase", "Error").put("message", message);
    String now = Rfc3339.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    status.put("startedAt", now).put("finishedAt", now);
    try {
      store.updateStatus(r.withStatus(status));
    } catch (ResourceStoreException e) {
      LOG.warnf("workflow %s/%s: could not record its error (%s): %s", r.namespace(), r.name(), e.getMessage(),
          message);
    }
    lifecycle.publish(r.namespace(), r.name(), "workflow.phase",
        Json.MAPPER.createObjectNode().put("workflow", r.name()).put("phase", "Error").put("message", message));
  }

  private <T> T call(Callable<T> work) {
    try {
      return loop.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Work for the engine thread from another thread; after {@link #close} it is dropped (a restart recovers). */
  private void post(Runnable work) {
    try {
      loop.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("the workflow engine is closed; a late report is dropped");
    }
  }

  private java.util.concurrent.ScheduledFuture<?> later(Runnable work, long delay, TimeUnit unit) {
    try {
      return loop.schedule(work, delay, unit);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null;
    }
  }

  private static boolean finished(String phase) {
    return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    if (configMapWatch != null) {
      configMapWatch.close();
    }
    loop.shutdownNow();
  }
}
