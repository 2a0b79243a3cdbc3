package io.quargo.standalone.api;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the bearer token on every {@code /api/} request (health and other endpoints stay open). Built at
 * startup, so a non-loopback bind without a token stops the server before it listens.
 */
@Startup
@Singleton
public class ApiAuthFilter {
  private final ServerAuth auth;

  ApiAuthFilter(@ConfigProperty(name = "quarkus.http.host") String host,
      @ConfigProperty(name = ServerAuth.TOKEN_KEY) Optional<String> token) {
    this.auth = ServerAuth.of(host, token);
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!auth.required() || !path.startsWith("/api/") || auth.allows(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      return Optional.empty();
    }
    return Optional.of(ApiErrors.response(ApiException.unauthenticated(
        "token not valid: send 'Authorization: Bearer <token>' with the token set in " + ServerAuth.TOKEN_KEY)));
  }
}
