package io.quargo.eventbus.consume;

import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.quargo.eventbus.BusConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A stream and a durable pull consumer with unique names, made with raw jnats management (the topology
 * package is not this one's business).
 */
record ConsumerFixture(String stream, String subjectPrefix, String durable) {

  static ConsumerFixture create(BusConnection bus, Duration ackWait, long maxDeliver) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    ConsumerFixture f = new ConsumerFixture("T_" + id, "t" + id, "d-" + id);
    JetStreamManagement jsm = bus.management();
    jsm.addStream(StreamConfiguration.builder().name(f.stream).subjects(f.subjectPrefix + ".>")
        .storageType(StorageType.File).build());
    jsm.addOrUpdateConsumer(f.stream, ConsumerConfiguration.builder().durable(f.durable)
        .ackPolicy(AckPolicy.Explicit).ackWait(ackWait).maxDeliver(maxDeliver).build());
    return f;
  }

  /** Publishes and returns the stream sequence. */
  long publish(BusConnection bus, String token, String data) throws Exception {
    return bus.jetStream().publish(subjectPrefix + "." + token, data.getBytes(StandardCharsets.UTF_8),
        PublishOptions.builder().messageId(token).build()).getSeqno();
  }

  ConsumerInfo info(BusConnection bus) throws Exception {
    return bus.management().getConsumerInfo(stream, durable);
  }

  /**
   * True when the server has settled everything up to {@code lastSeq} (acked or terminated): nothing is
   * pending an ack, so nothing will be redelivered.
   */
  boolean allSettledThrough(BusConnection bus, long lastSeq) throws Exception {
    ConsumerInfo info = info(bus);
    return info.getAckFloor().getStreamSequence() == lastSeq && info.getNumAckPending() == 0;
  }
}
