package io.quargo.standalone.e2e;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.service.EventSourceManager;
import io.quargo.sensor.service.SensorServiceMain;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6's crash test: two sensor-service processes share one Sensor (a webhook dependency, an http trigger).
 * Under a steady webhook load one of them is killed with SIGKILL and started again. Every event the webhook
 * accepted (200) must reach the sink under exactly one trigger execution key, and no accepted event may be
 * missing. A repeat of a key (the effect ran, the ack died with the process) is allowed and counted: the key is
 * what lets the receiver drop it.
 */
@ExtendWith(NatsServerExtension.class)
class SensorReplicaCrashIT {
  private static final int SENDERS = 4;
  private static final int EVENTS_PER_SENDER = 400;

  private final Map<String, Set<Integer>> seqsByKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
  private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();

  @Test
  void everyAcceptedEventFiresItsTriggerOnceAcrossAKillNineOfOneReplica(NatsTestServer nats) throws Exception {
    int webhookPort = freePort();
    HttpServer sink = sink();
    String prefix = "crash" + System.nanoTime();
    Vertx vertx = Vertx.vertx();
    List<Process> replicas = new ArrayList<>();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      NatsResourceStore store = new NatsResourceStore(bus, prefix, 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: hooks, namespace: default}
          spec:
            webhook:
              load: {port: "%d", endpoint: /load, method: POST}
          """.formatted(webhookPort)));
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: Sensor
          metadata: {name: relay, namespace: default}
          spec:
            dependencies:
              - {name: hook, eventSourceName: hooks, eventName: load}
            triggers:
              - template:
                  name: to-sink
                  http:
                    url: http://127.0.0.1:%d/sink
                    method: POST
                    payload:
                      - {src: {dependencyName: hook, dataKey: body.seq}, dest: seq}
          """.formatted(sink.getAddress().getPort())));
      try (EventSourceManager sources = new EventSourceManager(bus, store, vertx, "127.0.0.1",
          SecretResolver.none()).start()) {
        replicas.add(startReplica(nats.url(), prefix, "a"));
        replicas.add(startReplica(nats.url(), prefix, "b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> running(store, ArgoKinds.EVENT_SOURCE, "hooks")
            && running(store, ArgoKinds.SENSOR, "relay"));

        AtomicBoolean loadDone = new AtomicBoolean();
        Thread load = new Thread(() -> sendLoad(webhookPort, loadDone), "webhook-load");
        load.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> seqsByKey.size() >= 150);
        replicas.get(0).destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, unacked work left behind
        assertThat(loadDone).as("the replica must die under load").isFalse();
        int atKill = seqsByKey.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> seqsByKey.size() >= atKill + 150 || loadDone.get());
        replicas.set(0, startReplica(nats.url(), prefix, "a2"));
        load.join(TimeUnit.MINUTES.toMillis(5));
        assertThat(loadDone).isTrue();

        assertThat(accepted).hasSizeGreaterThan(SENDERS * EVENTS_PER_SENDER * 9 / 10);
        int missingAtEnd = accepted.size() - firedSeqs().size();
        long loadEnded = System.nanoTime();
        // what the killed replica had pulled but not acked comes back after the consumer's ack wait (30 s)
        await().atMost(Duration.ofSeconds(180)).until(() -> firedSeqs().containsAll(accepted));
        System.out.printf("crash test: %d accepted events had not fired when the load ended; all fired %d ms later%n",
            missingAtEnd, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadEnded));
      }
    } finally {
      replicas.forEach(Process::destroyForcibly);
      sink.stop(0);
      vertx.close();
    }
    int repeats = callsByKey.values().stream().mapToInt(c -> c.get() - 1).sum();
    System.out.printf("crash test: %d events accepted, %d trigger keys, %d repeated calls of a key%n",
        accepted.size(), seqsByKey.size(), repeats);
    // one key per event: no event fired under two keys, no key carries two events
    assertThat(seqsByKey.values()).allSatisfy(seqs -> assertThat(seqs).hasSize(1));
    assertThat(seqsByKey).hasSize(firedSeqs().size());
    assertThat(firedSeqs()).containsAll(accepted);
  }

  private Set<Integer> firedSeqs() {
    Set<Integer> all = ConcurrentHashMap.newKeySet();
    seqsByKey.values().forEach(all::addAll);
    return all;
  }

  /** SENDERS threads POST numbered events back to back; a seq counts as accepted only on a 200. */
  private void sendLoad(int port, AtomicBoolean done) {
    HttpClient http = HttpClient.newHttpClient();
    CountDownLatch finished = new CountDownLatch(SENDERS);
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      new Thread(() -> {
        for (int i = 0; i < EVENTS_PER_SENDER; i++) {
          int seq = sender * EVENTS_PER_SENDER + i;
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/load"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seq\": " + seq + "}")).build(),
                HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
              accepted.add(seq);
            }
            Thread.sleep(20); // a steady load, not a burst: ~4 x 50 events/s at most
          } catch (IOException e) {
            // not accepted: the sender's own retry would send it again; it is not counted
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        finished.countDown();
      }, "sender-" + s).start();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    done.set(true);
  }

  private HttpServer sink() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sink", exchange -> {
      String key = exchange.getRequestHeaders().getFirst("X-Quargo-Trigger-Id");
      JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody());
      int seq = Integer.parseInt(body.path("seq").asText());
      seqsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(seq);
      callsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  private static Process startReplica(String natsUrl, String prefix, String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx256m",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
        "-Dquargo.bus.url=" + natsUrl,
        "-Dquargo.bus.connection-name=sensor-" + name,
        "-Dquargo.store.bucket-prefix=" + prefix,
        "-Dquargo.sensor.state-bucket=" + prefix + "-state",
        "-Dquargo.sensor.recover-after=5s",
        "-cp", System.getProperty("java.class.path"), SensorServiceMain.class.getName())
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Thread pump = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          System.out.println("[sensor-" + name + "] " + line);
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "pump-" + name);
    pump.setDaemon(true);
    pump.start();
    return p;
  }

  private static boolean running(NatsResourceStore store, io.quargo.core.resource.ResourceKind kind, String name) {
    return store.get(kind, "default", name).map(r -> r.status().path("phase").asText().equals("Running"))
        .orElse(false);
  }

  private static Resource yaml(String text) {
    return ManifestLoader.load(text, "crash.yaml").get(0).resource();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
