package io.quargo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventIds;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.webhook.WebhookServers;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookSpecParser;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.runner.SensorRunner;
import io.quargo.sensor.spec.SensorParser;
import io.quargo.sensor.trigger.HttpTrigger;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Load driver for the event path webhook -> bus -> Sensor -> http trigger -> a local sink, all in one JVM against a
 * private nats-server. Two measurements, each against a baseline of the same run:
 * <ol>
 *   <li><b>throughput</b>: {@code backlog} events are put on the bus while the Sensor is stopped, then the Sensor
 *   drains them; fired triggers/s (distinct {@code X-Quargo-Trigger-Id} at the sink) against the sink alone
 *   (the same HTTP client POSTing straight to it from as many threads as the consumer has handlers,
 *   {@code -Dconcurrency=N}, default the sensor-service default);</li>
 *   <li><b>latency</b>: webhook POSTs at each fixed {@code rate} for {@code seconds}, open loop ({@link PacedPosts});
 *   end-to-end latency from each request's due time to the sink receiving its trigger (p50/p99), and fired
 *   triggers/s over the run, against the webhook's own accept latency.</li>
 * </ol>
 * {@code java -cp bench/target/benchmarks.jar io.quargo.bench.SensorLoad [backlog=5000] [rates=200,1000] [seconds=10]}
 */
public final class SensorLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONCURRENCY = Integer.getInteger("concurrency", RunnerOptions.DEFAULT_CONCURRENCY);
  /** Events drained (and sink calls made) before anything is measured, so neither side runs cold code. */
  private static final int WARMUP = Integer.getInteger("warmup", 5000);
  /** Blocking webhook callers of the paced load; enough that none falls behind while answers take a few ms. */
  private static final int CALLERS = Integer.getInteger("callers", 128);

  private SensorLoad() {}

  public static void main(String[] args) throws Exception {
    int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    List<Integer> rates = args.length > 1
        ? java.util.Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList() : List.of(200);
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Vertx vertx = Vertx.vertx();
    Sink sink = Sink.start(vertx);
    int port = freePort();
    try (NatsTestServer nats = NatsServers.dedicated();
        BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()).withConnectionName("sensor-load"))) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Publisher publisher = new Publisher(bus);
      try (WebhookServers ignored = WebhookServers.start(vertx, "127.0.0.1",
          new WebhookSpecParser(SecretResolver.none()).parse(eventSource(port)), publisher)) {
        SensorRunner first = runner(bus, sink.port());
        first.close(); // the durable consumers now exist: what is published next waits for the next runner
        if (WARMUP > 0) {
          drain(bus, sink, publisher, WARMUP);
          sinkCallsPerSecond(sink.port(), WARMUP);
          sink.reset();
        }
        double fired = drain(bus, sink, publisher, backlog);
        double sinkAlone = sinkCallsPerSecond(sink.port(), backlog);
        reportThroughput(backlog, fired, sinkAlone);
        try (SensorRunner live = runner(bus, sink.port())) {
          for (int rate : rates) {
            sink.reset();
            PacedPosts.Result accept = new PacedPosts(port, "/load", CALLERS)
                .run(rate, seconds, due -> "{\"t\": " + due + "}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sink.keys() < accept.accepted() && System.nanoTime() < deadline) {
              Thread.sleep(5);
            }
            reportLatency(rate, seconds, accept, sink);
          }
        }
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Queues {@code count} events while no Sensor runs, then drains them with one; fired triggers per second. */
  private static double drain(BusConnection bus, Sink sink, Publisher publisher, int count) throws Exception {
    sink.reset();
    publishBacklog(publisher, count);
    long start = System.nanoTime();
    try (SensorRunner drain = runner(bus, sink.port())) {
      while (sink.keys() < count) {
        Thread.sleep(5);
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static SensorRunner runner(BusConnection bus, int sinkPort) throws Exception {
    Resource sensor = Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Sensor", "metadata": {"name": "load", "namespace": "load"},
         "spec": {"dependencies": [{"name": "hook", "eventSourceName": "load", "eventName": "load"}],
                  "triggers": [{"template": {"name": "to-sink", "http": {
                      "url": "http://127.0.0.1:%d/sink", "method": "POST",
                      "payload": [{"src": {"dependencyName": "hook", "dataKey": "body.t"}, "dest": "t"}]}}}]}}
        """.formatted(sinkPort)));
    return new SensorRunner(bus, SensorParser.parse(sensor), List.of(new HttpTrigger(io.quargo.core.secret.SecretResolver.none())),
        RunnerOptions.defaults().withStateBucket("sensor-load-state")
            .withConsumer(ConsumerOptions.defaults().withConcurrency(CONCURRENCY))).start();
  }

  /** Webhook-shaped events straight onto the bus, each with the send time a latency would be measured from. */
  private static void publishBacklog(Publisher publisher, int count) {
    for (int i = 0; i < count; i++) {
      ObjectNode data = JSON.createObjectNode();
      data.putObject("header").putArray("Content-Type").add("application/json");
      data.putObject("body").put("t", System.nanoTime()).put("n", i);
      data.putNull("metadata");
      CloudEvent event = CloudEvent.builder().source("load").subject("load").type("webhook").data(data).build()
          .withId(CloudEventIds.newId());
      publisher.publishEventAsync("load", event).join(); // namespace load: events.load.load.load
    }
  }

  /** The http trigger's effect without the Sensor: the same JDK client, as many callers as consumer handlers. */
  private static double sinkCallsPerSecond(int sinkPort, int calls) throws Exception {
    java.net.http.HttpClient client = HttpTrigger.newClient(); // HttpTrigger's own
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> callers = new java.util.ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < CONCURRENCY; c++) {
      Thread caller = new Thread(() -> {
        for (int i; (i = next.getAndIncrement()) < calls; ) {
          try {
            client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + sinkPort + "/sink"))
                .header("X-Quargo-Trigger-Id", "direct-" + i).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"t\": " + System.nanoTime() + "}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
          } catch (Exception e) {
            throw new IllegalStateException("the sink did not answer: " + e, e);
          }
        }
      });
      caller.start();
      callers.add(caller);
    }
    for (Thread caller : callers) {
      caller.join();
    }
    return calls / ((System.nanoTime() - start) / 1e9);
  }

  private static void reportThroughput(int backlog, double fired, double sinkAlone) {
    System.out.printf(Locale.ROOT, "%n== sensor load: %d cores ==%n", Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "throughput (after a warm-up of %,d): %,d queued events drained at %,.0f fired triggers/s; "
        + "the sink alone (same client, %d caller(s) as the %d consumer handler(s)) %,.0f calls/s; ratio %.2f%n",
        WARMUP, backlog, fired, CONCURRENCY, CONCURRENCY, sinkAlone, fired / sinkAlone);
  }

  /** One paced rate: what was accepted and fired, fired/s over the run, and both latencies from the due times. */
  private static void reportLatency(int rate, int seconds, PacedPosts.Result accept, Sink sink) {
    double firedPerSecond = sink.keys() / ((sink.lastArrival() - accept.startNanos()) / 1e9);
    System.out.printf(Locale.ROOT, "%nwebhook -> sensor -> http trigger at %,d events/s for %ds: %,d sent, %,d accepted, "
        + "%,d fired (%d repeated keys), %,.0f fired/s from the first due request to the last trigger%n",
        rate, seconds, accept.sent(), accept.accepted(), sink.keys(), sink.repeats(), firedPerSecond);
    System.out.printf(Locale.ROOT, "  webhook -> trigger at the sink: p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms%n",
        sink.latencies().percentileMillis(50), sink.latencies().percentileMillis(99),
        sink.latencies().percentileMillis(99.9));
    System.out.printf(Locale.ROOT, "  webhook accept alone (200):     p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms%n",
        accept.latencies().percentileMillis(50), accept.latencies().percentileMillis(99),
        accept.latencies().percentileMillis(99.9));
  }

  private static Resource eventSource(int port) throws Exception {
    return Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource", "metadata": {"name": "load", "namespace": "load"},
         "spec": {"webhook": {"load": {"port": "%d", "endpoint": "/load", "method": "POST"}}}}
        """.formatted(port)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Counts distinct trigger ids and the latency from each payload's send time {@code t} to its arrival. */
  private static final class Sink {
    private final HttpServer server;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong repeats = new java.util.concurrent.atomic.AtomicLong();
    private volatile Latencies latencies = new Latencies();
    private volatile long lastArrival;

    private Sink(HttpServer server) {
      this.server = server;
      server.requestHandler(req -> req.body().onSuccess(body -> {
        long now = System.nanoTime();
        lastArrival = now;
        String key = req.getHeader("X-Quargo-Trigger-Id");
        if (key != null && !keys.add(key)) {
          repeats.incrementAndGet();
        }
        try {
          JsonNode t = JSON.readTree(body.getBytes()).path("t");
          latencies.add(now - Long.parseLong(t.asText()));
        } catch (Exception e) {
          // a payload without t: counted, not timed
        }
        req.response().setStatusCode(200).end();
      }));
    }

    static Sink start(Vertx vertx) {
      Sink sink = new Sink(vertx.createHttpServer());
      sink.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
      return sink;
    }

    int port() {
      return server.actualPort();
    }

    int keys() {
      return keys.size();
    }

    long repeats() {
      return repeats.get();
    }

    Latencies latencies() {
      return latencies;
    }

    long lastArrival() {
      return lastArrival;
    }

    void reset() {
      keys.clear();
      repeats.set(0);
      latencies = new Latencies();
    }
  }
}
