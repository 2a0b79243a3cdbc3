package io.quargo.bench;

import io.quargo.core.secret.SecretResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventIds;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.webhook.WebhookServers;
import io.quargo.eventsource.webhook.WebhookSpecParser;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the webhook EventSource: N concurrent HTTP clients POST to a {@link WebhookServers} for T
 * seconds; reports accepted (200, so stored in JetStream) events/s with p50/p99 latency, then raw eventbus
 * {@code publishEventAsync} throughput of the same events against the same private nats-server.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.quargo.bench.WebhookLoad [clients=64] [seconds=10] [rounds=3]}:
 * the machine may be shared, so compare the ratios of the median round rather than absolute rates.
 */
public final class WebhookLoad {
  private static final int WARMUP_SECONDS = 3;

  private WebhookLoad() {}

  /** One round's numbers; ratios are what compare across a shared, noisy machine. */
  private record Round(HttpLoad.Result webhook, HttpLoad.Result httpOnly, double raw, double rawSame) {
    double ratio() {
      return webhook.perSecond() / raw;
    }

    double ratioSame() {
      return webhook.perSecond() / rawSame;
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Vertx vertx = Vertx.vertx();
    try (NatsTestServer nats = NatsServers.dedicated();
        BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()).withConnectionName("webhook-load"))) {
      Topology topology = new Topology(bus);
      topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Publisher publisher = new Publisher(bus);
      int port = freePort();
      try (WebhookServers ignored = WebhookServers.start(vertx, "127.0.0.1",
          new WebhookSpecParser(SecretResolver.none()).parse(eventSource(port)), publisher)) {
        new HttpLoad(vertx, port, "/load", clients).run(WARMUP_SECONDS);
        List<Round> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          Round round = round(vertx, bus, publisher, port, clients, seconds);
          results.add(round);
          report("round " + (r + 1), round);
        }
        System.out.printf(Locale.ROOT, "%n== webhook load: %d clients, %ds x %d rounds, %d cores; median round ==%n",
            clients, seconds, rounds, Runtime.getRuntime().availableProcessors());
        List<Round> byRatio = new ArrayList<>(results);
        byRatio.sort(Comparator.comparingDouble(Round::ratioSame));
        report("median", byRatio.get(byRatio.size() / 2));
        System.out.printf(Locale.ROOT, "ratios webhook/raw(same in-flight) per round: %s%n",
            results.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.ratioSame())).toList());
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static Round round(Vertx vertx, BusConnection bus, Publisher publisher, int port, int clients, int seconds)
      throws Exception {
    bus.management().purgeStream(StandardStreams.EVENTS);
    HttpLoad.Result webhook = new HttpLoad(vertx, port, "/load", clients).run(seconds);
    // the same requests dropped by filter.expression: the HTTP path alone, nothing published
    HttpLoad.Result httpOnly = new HttpLoad(vertx, port, "/dropped", clients).run(seconds);
    bus.management().purgeStream(StandardStreams.EVENTS);
    double raw = rawPublishPerSecond(publisher, seconds);
    bus.management().purgeStream(StandardStreams.EVENTS);
    // the same concurrency as the HTTP clients: what the bus alone gives with that many events in flight
    double rawSame = rawPublishPerSecond(
        new Publisher(bus, new PublisherOptions(clients, PublisherOptions.DEFAULT_ACK_TIMEOUT)), seconds);
    return new Round(webhook, httpOnly, raw, rawSame);
  }

  /** publishEventAsync of webhook-sized events as fast as the in-flight bound lets it, for {@code seconds}. */
  private static double rawPublishPerSecond(Publisher publisher, int seconds) throws InterruptedException {
    ObjectNode data = new ObjectMapper().createObjectNode();
    data.putObject("header").putArray("Content-Type").add("application/json");
    data.putObject("body").put("client", 1).put("n", 1).put("text", "hello webhook");
    data.putNull("metadata");
    CloudEvent template = CloudEvent.builder().source("load").subject("raw").type("webhook").data(data).build();
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    int maxInFlight = publisher.options().maxInFlight();
    Semaphore drained = new Semaphore(0);
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long sent = 0;
    while (System.nanoTime() < deadline) {
      publisher.publishEventAsync("load", template.withId(CloudEventIds.newId())).whenComplete((r, e) -> {
        (e == null ? acked : failed).incrementAndGet();
        drained.release();
      });
      sent++;
    }
    drained.acquire((int) Math.min(sent, Integer.MAX_VALUE));
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failed.get() > 0) {
      System.out.printf(Locale.ROOT, "raw publish: %d failed (in-flight bound %d)%n", failed.get(), maxInFlight);
    }
    return acked.get() / elapsed;
  }

  private static void report(String label, Round r) {
    HttpLoad.Result w = r.webhook();
    HttpLoad.Result h = r.httpOnly();
    System.out.printf(Locale.ROOT, "%n-- %s --%n", label);
    System.out.printf(Locale.ROOT,
        "webhook accepted (200): %,.0f events/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  (%,d accepted, %,d not)%n",
        w.perSecond(), w.latencies().percentileMillis(50), w.latencies().percentileMillis(99),
        w.latencies().percentileMillis(99.9), w.accepted(), w.refused());
    System.out.printf(Locale.ROOT,
        "HTTP only (filtered out, not published): %,.0f requests/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms%n",
        h.perSecond(), h.latencies().percentileMillis(50), h.latencies().percentileMillis(99),
        h.latencies().percentileMillis(99.9));
    System.out.printf(Locale.ROOT, "raw eventbus publishEventAsync: %,.0f events/s (1,024 in flight)%n", r.raw());
    System.out.printf(Locale.ROOT, "raw eventbus publishEventAsync: %,.0f events/s (as many in flight as clients)%n",
        r.rawSame());
    System.out.printf(Locale.ROOT, "ratio webhook/raw(1,024): %.2f  webhook/raw(same in-flight): %.2f  webhook/HTTP-only: %.2f%n",
        r.ratio(), r.ratioSame(), w.perSecond() / h.perSecond());
  }

  private static Resource eventSource(int port) throws Exception {
    return Resource.of((ObjectNode) new ObjectMapper().readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource", "metadata": {"name": "load", "namespace": "load"},
         "spec": {"webhook": {"load": {"port": "%1$d", "endpoint": "/load", "method": "POST"},
                              "dropped": {"port": "%1$d", "endpoint": "/dropped", "method": "POST",
                                          "filter": {"expression": "false"}}}}}
        """.formatted(port)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
