package io.quargo.eventbus.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a {@link NatsTestServer} parameter: the JVM-wide shared server, or
 * with {@link Dedicated} a private one that the test may stop and restart, closed after the test.
 *
 * <pre>{@code
 * @ExtendWith(NatsServerExtension.class)
 * class MyIT {
 *   @Test void publishes(NatsTestServer nats) { ... nats.url() ... }
 *   @Test void survivesOutage(@NatsServerExtension.Dedicated NatsTestServer nats) { nats.stop(); ... }
 * }
 * }</pre>
 */
public final class NatsServerExtension implements ParameterResolver {

  /** Asks for a server of the test's own, which it may stop and start. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  public @interface Dedicated {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == NatsTestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (!parameter.isAnnotated(Dedicated.class)) {
      return NatsServers.shared();
    }
    NatsTestServer server = NatsServers.dedicated();
    context.getStore(ExtensionContext.Namespace.create(NatsServerExtension.class, context.getUniqueId()))
        .put("server", new Closer(server));
    return server;
  }

  /** Closes a dedicated server when its test ends (both JUnit 5 and 6 close-hooks). */
  private record Closer(NatsTestServer server)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
