package io.quargo.eventbus.consume;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.quargo.eventbus.BusException;
import java.time.Duration;

/** The server-side settings of a durable consumer that decide how deliveries are settled. */
record ConsumerSettings(String stream, String durable, Duration ackWait, long maxDeliver) {

  /** Reads and checks the consumer: it must be a pull consumer with explicit acks. */
  static ConsumerSettings from(ConsumerInfo info) {
    ConsumerConfiguration config = info.getConsumerConfiguration();
    String where = "durable consumer '" + info.getName() + "' on stream '" + info.getStreamName() + "'";
    if (config.getDeliverSubject() != null) {
      throw new BusException(where + " is a push consumer (deliver subject " + config.getDeliverSubject()
          + "); Quargo consumes with pull consumers: recreate it without a deliver subject");
    }
    if (config.getAckPolicy() != AckPolicy.Explicit) {
      throw new BusException(where + " has ack policy " + config.getAckPolicy()
          + "; acking after the effect needs ack policy explicit: recreate the consumer with it");
    }
    return new ConsumerSettings(info.getStreamName(), info.getName(), config.getAckWait(), config.getMaxDeliver());
  }

  /** True when a failure now would not be redelivered by the server: the message must be dead-lettered. */
  boolean isLastDelivery(long deliveryCount) {
    return maxDeliver > 0 && deliveryCount >= maxDeliver;
  }

  /** Often enough that two heartbeats can be lost before the ack wait runs out. */
  Duration heartbeatPeriod() {
    return Duration.ofMillis(Math.max(100, ackWait.toMillis() / 3));
  }

  String maxDeliverText() {
    return maxDeliver > 0 ? String.valueOf(maxDeliver) : "unlimited";
  }
}
