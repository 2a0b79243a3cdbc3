package io.quargo.standalone.api;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the bearer token on every {@code /api/} request (health endpoints stay open for probes). Settled first
 * thing at startup, so a non-loopback bind without a token stops the server before the bus or the port opens.
 */
@Singleton
public class ApiAuthFilter {
  @ConfigProperty(name = "quarkus.http.host")
  String host;

  @ConfigProperty(name = ServerAuth.TOKEN_KEY)
  Optional<String> token;

  private volatile ServerAuth auth;

  // before StartupBanner (default priority) starts the bus
  void onStart(@Observes @Priority(100) StartupEvent event) {
    try {
      auth = ServerAuth.of(host, token);
    } catch (IllegalStateException e) {
      // one line for the user, no stack trace: Quarkus prints just the message of this wrapper
      String line = "quargo: " + e.getMessage();
      throw new IllegalStateException(line, new PreventFurtherStepsException(line, 1));
    }
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    ServerAuth current = auth;
    String path = request.getUriInfo().getPath();
    if (current == null || !current.required() || !path.startsWith("/api/")
        || current.allows(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      return Optional.empty();
    }
    return Optional.of(ApiErrors.response(ApiException.unauthenticated(
        "token not valid: send 'Authorization: Bearer <token>' with the token set in " + ServerAuth.TOKEN_KEY)));
  }
}
