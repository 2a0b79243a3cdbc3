package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every amqp EventSource among Argo's examples parses. */
class AmqpUpstreamExamplesTest {

  @Test
  void everyAmqpExampleParses() throws Exception {
    List<Resource> examples = Specs.upstreamExamples("amqp");
    assertThat(examples).isNotEmpty();
    List<AmqpSource> parsed = new ArrayList<>();
    for (Resource example : examples) {
      parsed.addAll(new AmqpSpecParser((ns, name, key) -> key).parse(example));
    }
    assertThat(parsed).anySatisfy(s -> {
      assertThat(s.eventName()).isEqualTo("example");
      assertThat(s.address()).isEqualTo("amqp://rabbitmq-service.argo-events:5672");
      assertThat(s.queueDeclare().name()).isEqualTo("my-queue-name");
      assertThat(s.consume().consumerTag()).isEqualTo("my-consumer-tag");
      assertThat(s.username()).isEqualTo("username");
    });
  }
}
