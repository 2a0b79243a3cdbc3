package io.quargo.bench;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublishResult;
import io.quargo.eventbus.publish.PublisherOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Async publish throughput, acknowledged by JetStream: eventbus {@link Publisher} against raw jnats
 * doing the same work (a Nats-Msg-Id per message, the same bound on messages in flight, every ack
 * awaited). One operation = one acknowledged message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PublishThroughputBenchmark {
  static final int BATCH = 2_000;
  static final int MAX_IN_FLIGHT = 1_024;

  @Param({"512"})
  public int payloadBytes;

  private BusFixture fixture;
  private Publisher publisher;
  private JetStream rawJetStream;
  private Semaphore rawWindow;
  private byte[] payload;
  private long sequence;

  @Setup(Level.Trial)
  public void start() throws Exception {
    fixture = new BusFixture();
    publisher = new Publisher(fixture.bus, new PublisherOptions(MAX_IN_FLIGHT, PublisherOptions.DEFAULT_ACK_TIMEOUT));
    rawJetStream = fixture.raw.jetStream();
    rawWindow = new Semaphore(MAX_IN_FLIGHT);
    payload = new byte[payloadBytes];
  }

  @Setup(Level.Iteration)
  public void purge() throws Exception {
    fixture.purge();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    fixture.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long rawJnats() throws Exception {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      rawWindow.acquire();
      String id = "raw-" + sequence++;
      CompletableFuture<PublishAck> ack = rawJetStream.publishAsync("bench.raw", payload,
          PublishOptions.builder().messageId(id).build());
      ack.whenComplete((a, e) -> rawWindow.release());
      acks.add(ack);
    }
    long last = 0;
    for (CompletableFuture<PublishAck> ack : acks) {
      last = ack.get().getSeqno();
    }
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long eventbus() throws Exception {
    List<CompletableFuture<PublishResult>> acks = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      acks.add(publisher.publishAsync("bench.bus", payload, "bus-" + sequence++, null));
    }
    long last = 0;
    for (CompletableFuture<PublishResult> ack : acks) {
      last = ack.get().seq();
    }
    return last;
  }
}
