package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.fail;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The RabbitMQ an IT talks to: {@code QUARGO_TEST_AMQP_URL} or the one on 127.0.0.1:5672 (guest/guest). A
 * RabbitMQ node is too heavy to start per test run, so when none answers the IT fails and says how to get one.
 */
public final class Rabbit {
  public static final String URL = System.getenv().getOrDefault("QUARGO_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672");

  private Rabbit() {}

  public static Connection connect() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(URL);
      factory.setAutomaticRecoveryEnabled(false);
      return factory.newConnection("quargo-test");
    } catch (Exception e) {
      return fail("this IT needs RabbitMQ at " + URL + " (set QUARGO_TEST_AMQP_URL, or run rabbitmq-server, e.g. "
          + "docker run -p 5672:5672 rabbitmq:3): " + e);
    }
  }

  /** Ready messages in a queue (not the unacknowledged ones). */
  static long ready(Connection connection, String queue) throws Exception {
    try (Channel ch = connection.createChannel()) {
      return ch.queueDeclarePassive(queue).getMessageCount();
    }
  }

  static void deleteQueue(Connection connection, String queue) {
    try (Channel ch = connection.createChannel()) {
      ch.queueDelete(queue);
    } catch (Exception e) {
      // best effort cleanup
    }
  }
}
