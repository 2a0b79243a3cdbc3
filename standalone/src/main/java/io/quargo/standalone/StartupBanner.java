package io.quargo.standalone;

import io.quargo.eventbus.BusException;
import io.quargo.standalone.bus.StandaloneBus;
import io.quargo.standalone.nats.ChildNatsServerException;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the bus up at startup rather than on the first request, so a missing nats-server stops the
 * server at once with one line of advice, and says where NATS and the API are.
 */
@Singleton
public class StartupBanner {
  private static final Logger LOG = Logger.getLogger(StartupBanner.class);

  @Inject
  Instance<StandaloneBus> bus;

  @ConfigProperty(name = "quarkus.application.version")
  String version;

  void onStart(@Observes StartupEvent event) {
    requireBus();
  }

  // Quarkus fires this one asynchronously, once the port is bound; the bus is up by then
  void onHttpStart(@ObservesAsync HttpServerStart event) {
    int port = event.options().getPort();
    // tests ask for a random port, which these options do not resolve
    String api = "http://" + event.options().getHost() + ":" + (port > 0 ? Integer.toString(port) : "<random>");
    LOG.infof("Quargo %s standalone: API on %s (try %s/api/v1/version); %s", version, api, api, bus.get().describe());
  }

  private StandaloneBus requireBus() {
    try {
      return bus.get();
    } catch (RuntimeException e) {
      throw userFacing(e);
    }
  }

  /**
   * Problems the user can fix are reported as their one-line message, without a stack trace: Quarkus
   * prints just the message of a failure whose root cause is a PreventFurtherStepsException. (Thrown
   * bare from a startup step, that exception means "exit quietly with success", hence the wrapper.)
   */
  private static RuntimeException userFacing(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ChildNatsServerException || t instanceof BusException) {
        String line = "quargo: " + t.getMessage();
        return new IllegalStateException(line, new PreventFurtherStepsException(line, 1));
      }
    }
    return e;
  }
}
