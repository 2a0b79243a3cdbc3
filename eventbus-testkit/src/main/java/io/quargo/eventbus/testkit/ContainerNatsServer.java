package io.quargo.eventbus.testkit;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A {@code nats} container with JetStream. Its host port is fixed at creation so that a stop and
 * start (docker stop/start keeps the container and its store) comes back on the same address.
 */
final class ContainerNatsServer implements NatsTestServer {
  private final GenericContainer<?> container;
  private final int hostPort;

  private ContainerNatsServer(GenericContainer<?> container, int hostPort) {
    this.container = container;
    this.hostPort = hostPort;
  }

  static boolean dockerAvailable() {
    if ("false".equalsIgnoreCase(System.getenv("USE_TESTCONTAINERS"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }

  @SuppressWarnings("resource")
  static ContainerNatsServer launch() {
    int hostPort = freePort();
    GenericContainer<?> container = new GenericContainer<>(NatsServers.IMAGE)
        .withCommand("-js", "-sd", "/data")
        .withExposedPorts(4222)
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(List.of(
            new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(4222)))))
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
    container.start();
    return new ContainerNatsServer(container, hostPort);
  }

  @Override
  public String url() {
    return "nats://" + container.getHost() + ":" + hostPort;
  }

  @Override
  public String origin() {
    return "container " + NatsServers.IMAGE;
  }

  @Override
  public boolean restartable() {
    return true;
  }

  @Override
  public void stop() {
    container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void start() {
    container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void close() {
    container.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
