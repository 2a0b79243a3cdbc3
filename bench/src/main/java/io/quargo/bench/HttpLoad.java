package io.quargo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} closed-loop senders, each on its own keep-alive connection: send a POST, wait for the
 * answer, send the next, until the deadline. Counts 200s and other answers and records every 200's latency.
 */
final class HttpLoad {
  record Result(long accepted, long refused, double seconds, Latencies latencies) {
    double perSecond() {
      return accepted / seconds;
    }
  }

  private final Vertx vertx;
  private final int port;
  private final String path;
  private final int clients;

  HttpLoad(Vertx vertx, int port, String path, int clients) {
    this.vertx = vertx;
    this.port = port;
    this.path = path;
    this.clients = clients;
  }

  Result run(long seconds) throws InterruptedException {
    HttpClient http = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(clients));
    Latencies latencies = new Latencies();
    AtomicLong refused = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < clients; c++) {
      int client = c;
      vertx.runOnContext(v -> send(http, client, 0, deadline, latencies, refused, done));
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    http.close().toCompletionStage().toCompletableFuture().join();
    return new Result(latencies.count(), refused.get(), elapsed, latencies);
  }

  private void send(HttpClient http, int client, long n, long deadline, Latencies latencies, AtomicLong refused,
      CountDownLatch done) {
    if (System.nanoTime() >= deadline) {
      done.countDown();
      return;
    }
    Buffer body = Buffer.buffer("{\"client\": " + client + ", \"n\": " + n + ", \"text\": \"hello webhook\"}");
    long sent = System.nanoTime();
    http.request(HttpMethod.POST, path)
        .compose(req -> req.putHeader("Content-Type", "application/json").send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() == 200) {
            latencies.add(System.nanoTime() - sent);
          } else {
            refused.incrementAndGet();
          }
          send(http, client, n + 1, deadline, latencies, refused, done);
        });
  }
}
