package io.quargo.standalone.api;

import io.quargo.core.resource.ResourceStoreException;
import io.quargo.workflow.engine.EngineException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes grpc-gateway's JSON error; a user never sees a stack trace (it goes to the log). */
public class ApiErrors {
  private static final Logger LOG = Logger.getLogger(ApiErrors.class);

  /** The body Argo's clients parse. */
  public record Status(int code, String message) {}

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return response(e);
  }

  @ServerExceptionMapper
  public Response store(ResourceStoreException e) {
    return response(fromStore(e));
  }

  @ServerExceptionMapper
  public Response engine(EngineException e) {
    return response(ApiException.failedPrecondition(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    int code = Map.of(404, 5, 405, 12, 406, 3, 415, 3, 401, 16, 403, 7).getOrDefault(status, status < 500 ? 3 : 13);
    return response(new ApiException(status, code, e.getMessage()));
  }

  @ServerExceptionMapper(priority = 5000)
  public Response unexpected(RuntimeException e) {
    LOG.error("API request failed", e);
    return response(new ApiException(500, 13, "internal error: " + e.getMessage()));
  }

  static ApiException fromStore(ResourceStoreException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> ApiException.notFound(e.getMessage());
      case ALREADY_EXISTS -> ApiException.alreadyExists(e.getMessage());
      case CONFLICT -> ApiException.conflict(e.getMessage());
      case INVALID -> ApiException.invalid(e.getMessage());
      case UNAVAILABLE -> new ApiException(503, 14, e.getMessage());
    };
  }

  static Response response(ApiException e) {
    return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON)
        .entity(new Status(e.grpcCode(), e.getMessage())).build();
  }
}
