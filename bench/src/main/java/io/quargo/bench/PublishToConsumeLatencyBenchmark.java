package io.quargo.bench;

import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.MessageConsumer;
import io.nats.client.PublishOptions;
import io.quargo.eventbus.consume.DurableConsumer;
import io.quargo.eventbus.consume.Outcome;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.topology.ConsumerSpec;
import io.quargo.eventbus.topology.Topology;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Publish-to-consume latency: one message published (sync, acknowledged) until a durable pull
 * consumer's handler holds it, then acked. eventbus ({@link Publisher} + {@link DurableConsumer})
 * against raw jnats (sync publish + the simplified {@code ConsumerContext.consume} API).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PublishToConsumeLatencyBenchmark {
  private BusFixture fixture;
  private Publisher publisher;
  private JetStream rawJetStream;
  private MessageConsumer rawConsumer;
  private DurableConsumer busConsumer;
  private final LinkedBlockingQueue<Long> rawReceived = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Long> busReceived = new LinkedBlockingQueue<>();
  private long sequence;

  @Setup(Level.Trial)
  public void start() throws Exception {
    fixture = new BusFixture();
    Topology topology = new Topology(fixture.bus);
    topology.ensureConsumer(ConsumerSpec.pull(BusFixture.STREAM, "raw", "bench.latency.raw"));
    topology.ensureConsumer(ConsumerSpec.pull(BusFixture.STREAM, "bus", "bench.latency.bus"));
    publisher = new Publisher(fixture.bus);
    rawJetStream = fixture.raw.jetStream();
    ConsumerContext raw = rawJetStream.getStreamContext(BusFixture.STREAM).getConsumerContext("raw");
    rawConsumer = raw.consume(message -> {
      message.ack();
      rawReceived.offer(ByteBuffer.wrap(message.getData()).getLong());
    });
    busConsumer = DurableConsumer.start(fixture.bus, BusFixture.STREAM, "bus", delivery -> {
      busReceived.offer(ByteBuffer.wrap(delivery.data()).getLong());
      return Outcome.ack();
    });
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    rawConsumer.stop();
    busConsumer.close();
    fixture.close();
  }

  @Benchmark
  public long rawJnats() throws Exception {
    long id = sequence++;
    rawJetStream.publish("bench.latency.raw", null, bytes(id), PublishOptions.builder().messageId("raw-" + id).build());
    return await(rawReceived, id);
  }

  @Benchmark
  public long eventbus() throws Exception {
    long id = sequence++;
    publisher.publish("bench.latency.bus", bytes(id), "bus-" + id, null);
    return await(busReceived, id);
  }

  /** Waits for the consumer to hand over this message; an older one (a redelivery) is skipped. */
  private static long await(LinkedBlockingQueue<Long> received, long id) throws InterruptedException {
    while (true) {
      Long got = received.poll(10, TimeUnit.SECONDS);
      if (got == null) {
        throw new IllegalStateException("message " + id + " was not consumed within 10 s");
      }
      if (got == id) {
        return got;
      }
    }
  }

  private static byte[] bytes(long id) {
    return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
  }
}
