package io.quargo.sensor.runner;

import io.nats.client.api.DeliverPolicy;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.Delivery;
import io.quargo.eventbus.consume.DurableConsumer;
import io.quargo.eventbus.consume.Outcome;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.topology.ConsumerSpec;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.conditions.ConditionTracker;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.filter.DependencyEvaluator;
import io.quargo.sensor.filter.Verdict;
import io.quargo.sensor.spec.EventDependency;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.TriggerExecutor;
import io.quargo.sensor.trigger.TriggerFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Runs one Sensor: a durable pull consumer per dependency on {@code events.<ns>.<eventSource>.<eventName>},
 * each event filtered, counted against every trigger that names the dependency, and the resulting firings
 * performed before the event is acknowledged. Any number of runners of the same Sensor may run at once: they
 * share the durable consumers (the server spreads events among them) and the condition state in KV.
 */
public final class SensorRunner implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SensorRunner.class);

  private final BusConnection bus;
  private final Sensor sensor;
  private final RunnerOptions options;
  private final Map<String, TriggerExecutor> executors = new TreeMap<>();
  private final DependencyEvaluator evaluator = new DependencyEvaluator();
  private final List<DurableConsumer> consumers = new ArrayList<>();
  private final SensorObserver observer;
  private ConditionTracker tracker;
  private FiringRunner firings;

  public SensorRunner(BusConnection bus, Sensor sensor, List<TriggerExecutor> executors, RunnerOptions options) {
    this(bus, sensor, executors, options, SensorObserver.NONE);
  }

  /** @param observer told about matched events and trigger outcomes (metrics, status) */
  public SensorRunner(BusConnection bus, Sensor sensor, List<TriggerExecutor> executors, RunnerOptions options,
      SensorObserver observer) {
    this.bus = bus;
    this.sensor = sensor;
    this.options = options;
    this.observer = observer;
    executors.forEach(e -> this.executors.put(kindKey(e.kind()), e));
    for (Trigger t : sensor.triggers()) {
      validate(t);
      if (t.dlqTrigger() != null) {
        validate(t.dlqTrigger());
      }
    }
  }

  private void validate(Trigger t) {
    TriggerExecutor executor = this.executors.get(kindKey(t.type()));
    if (executor == null) {
      throw new SensorSpecException(t.where() + ".template." + t.type(), "trigger kind '" + t.type()
          + "' is not supported by this sensor service yet; supported: " + this.executors.keySet());
    }
    executor.validate(t);
  }

  private static long epochNanos(java.time.Clock clock) {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static String kindKey(String kind) {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Ensures the state bucket and consumers, takes over abandoned firings, then starts consuming. */
  public SensorRunner start() {
    Topology topology = new Topology(bus);
    topology.ensureKv(KvSpec.of(options.stateBucket()));
    KvBucket state = KvBucket.open(bus, options.stateBucket());
    tracker = new ConditionTracker(state, sensor, options.clock());
    // rate limits are booked in the same bucket on wall-clock time, so they hold across replicas
    firings = new FiringRunner(sensor, tracker, new TriggerAttempts(sensor, executors, options.pacer(),
        options.jitter(), observer, new KvRateLedger(state), () -> epochNanos(options.clock())), observer);
    recoverAbandoned();
    for (EventDependency dep : sensor.dependencies()) {
      String durable = durableName(dep);
      // Argo's consumers start at new events too: a Sensor sees what happens after it is first created
      String stream = LifecycleDependency.is(dep) ? StandardStreams.LIFECYCLE : StandardStreams.EVENTS;
      topology.ensureConsumer(ConsumerSpec.pull(stream, durable, subject(dep)).withDeliverPolicy(DeliverPolicy.New));
      consumers.add(DurableConsumer.start(bus, stream, durable, d -> handle(dep, d), options.consumer()));
    }
    return this;
  }

  public ConditionTracker tracker() {
    return tracker;
  }

  String subject(EventDependency dep) {
    if (LifecycleDependency.is(dep)) {
      return LifecycleDependency.subject(sensor.namespace(), dep);
    }
    return Subjects.events(sensor.namespace(), dep.eventSourceName(), dep.eventName());
  }

  /** {@code sensor-<hash of namespace, sensor, dependency>}: stable across restarts, shared by replicas. */
  String durableName(EventDependency dep) {
    String text = sensor.namespace() + "\0" + sensor.name() + "\0" + dep.name();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sensor-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private Outcome handle(EventDependency dep, Delivery delivery) {
    CloudEvent event;
    try {
      event = CloudEventJson.decode(delivery.data());
    } catch (RuntimeException e) {
      return Outcome.reject("message " + delivery.streamSequence() + " on " + delivery.subject()
          + " is not a CloudEvent: " + e.getMessage());
    }
    if (LifecycleDependency.is(dep) && !LifecycleDependency.counts(dep, event)) {
      return Outcome.ack(); // a node's phase change on the same subject as the workflow's
    }
    Verdict verdict = evaluator.evaluate(dep, event);
    if (!verdict.accepted()) {
      observer.eventFiltered(dep.name());
      LOG.debugf("Sensor %s/%s: event %s does not satisfy dependency %s: %s", sensor.namespace(), sensor.name(),
          event.id(), dep.name(), verdict.reasons());
      return Outcome.ack();
    }
    observer.eventMatched(dep.name());
    Instant abandonedBefore = options.clock().instant().minus(options.recoverAfter());
    for (Trigger trigger : sensor.triggers()) {
      if (!trigger.conditions().dependencies().contains(dep.name())) {
        continue;
      }
      Optional<Firing> decided = tracker.onDependency(trigger, dep.name(), verdict.event());
      if (tracker.firesAlone(trigger)) {
        decided.ifPresent(f -> firings.run(trigger, f)); // nothing pending in KV: this message is the record
        continue;
      }
      boolean redelivered = delivery.deliveryCount() > 1;
      for (Firing f : tracker.pending(trigger)) {
        // Ours to perform: the firing this delivery decided; on a redelivery, the firing an earlier delivery of
        // this event decided but failed to perform; or one abandoned by a replica that died. Another replica's
        // fresh firing that merely uses a partner event of ours is left to it.
        boolean ours = decided.map(d -> d.executionKey().equals(f.executionKey())).orElse(false)
            || redelivered && f.uses(verdict.event());
        if (ours || f.decidedAt().isBefore(abandonedBefore)) {
          firings.run(trigger, f);
        }
      }
    }
    return Outcome.ack();
  }

  private void recoverAbandoned() {
    Instant abandonedBefore = options.clock().instant().minus(options.recoverAfter());
    for (Trigger trigger : sensor.triggers()) {
      for (Firing f : tracker.pending(trigger)) {
        if (!f.decidedAt().isAfter(abandonedBefore)) {
          LOG.infof("Sensor %s/%s: performing trigger %s left pending since %s (execution key %s)",
              sensor.namespace(), sensor.name(), trigger.name(), f.decidedAt(), f.executionKey());
          try {
            firings.run(trigger, f);
          } catch (TriggerFailure e) {
            // still pending: the next event of the trigger, or the next start, tries again
            LOG.warnf("Sensor %s/%s: trigger %s still failing: %s", sensor.namespace(), sensor.name(),
                trigger.name(), e.getMessage());
          }
        }
      }
    }
  }

  @Override
  public void close() {
    consumers.forEach(DurableConsumer::close);
    consumers.clear();
    observer.flush();
    // the runner owns the executors it was given (a supplier makes fresh ones per runner): their connections go
    for (TriggerExecutor e : executors.values()) {
      if (e instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ex) {
          LOG.debugf("closing trigger %s: %s", e.kind(), ex.getMessage());
        }
      }
    }
  }
}
