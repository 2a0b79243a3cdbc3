package io.quargo.standalone.bus;

import io.quargo.eventbus.Redaction;
import io.quargo.eventbus.BusConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the bus is connected and JetStream answers ({@link BusConnection#health()}). */
@Readiness
@ApplicationScoped
public class BusReadinessCheck implements HealthCheck {
  static final String NAME = "bus";

  @Inject
  BusConnection bus;

  @Override
  public HealthCheckResponse call() {
    BusConnection.Health health = bus.health();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
        .status(health.up())
        .withData("status", health.status())
        .withData("detail", Redaction.urls(health.detail()));
    if (health.serverVersion() != null) {
      response.withData("serverVersion", health.serverVersion());
    }
    return response.build();
  }
}
