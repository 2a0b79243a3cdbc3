package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.resource.Resource;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.kafka.KafkaAdapter;
import io.quargo.eventsource.minio.MinioAdapter;
import io.quargo.eventsource.spi.EventSourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Argo's kafka and minio examples are planned into running adapters, not reported as unsupported. */
@ExtendWith(NatsServerExtension.class)
class KafkaAndMinioPlanIT {

  @Test
  void argosKafkaAndMinioExamplesBecomeAdapters(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats)) {
      for (String type : new String[] {"kafka", "minio"}) {
        for (Resource example : Specs.upstreamExamples(type)) {
          SourcePlan plan = SourcePlan.of(example, bus.bus(), (ns, name, key) -> key, ClusterAccess.none());
          assertThat(plan.unsupported()).as(type).isEmpty();
          assertThat(plan.adapters()).as(type).singleElement().isInstanceOf(
              type.equals("kafka") ? KafkaAdapter.class : MinioAdapter.class);
          plan.adapters().forEach(EventSourceAdapter::close);
        }
      }
    }
  }
}
