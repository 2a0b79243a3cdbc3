package io.quargo.standalone.api;

import io.quargo.eventbus.BusConnection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Argo Server's {@code GET /api/v1/version}, plus the state of the bus. */
@Path("/api/v1/version")
public class VersionResource {

  @Inject
  BusConnection bus;

  @ConfigProperty(name = "quarkus.application.version")
  String version;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Version get() {
    BusConnection.Health health = bus.health();
    return new Version(version, new Bus(health.serverVersion(), health.up()));
  }

  /** The answer: this build's version and the bus's. */
  public record Version(String version, Bus bus) {}

  /** The NATS server's version (null while disconnected) and whether the bus is usable. */
  public record Bus(String serverVersion, boolean up) {}
}
