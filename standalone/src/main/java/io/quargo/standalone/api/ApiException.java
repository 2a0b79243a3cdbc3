package io.quargo.standalone.api;

/**
 * An API error as grpc-gateway writes Argo Server's: an HTTP status and a gRPC code in a JSON body
 * {@code {"code":5,"message":".."}}.
 */
public final class ApiException extends RuntimeException {
  private final int httpStatus;
  private final int grpcCode;

  public ApiException(int httpStatus, int grpcCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  /** gRPC InvalidArgument (3): the request is wrong; the message says where and how to fix it. */
  public static ApiException invalid(String message) {
    return new ApiException(400, 3, message);
  }

  /** gRPC NotFound (5). */
  public static ApiException notFound(String message) {
    return new ApiException(404, 5, message);
  }

  /** gRPC AlreadyExists (6). */
  public static ApiException alreadyExists(String message) {
    return new ApiException(409, 6, message);
  }

  /** gRPC Aborted (10): a compare-and-set lost; read again and retry. */
  public static ApiException conflict(String message) {
    return new ApiException(409, 10, message);
  }

  /** gRPC FailedPrecondition (9): the object is not in a state the action applies to. */
  public static ApiException failedPrecondition(String message) {
    return new ApiException(400, 9, message);
  }

  /** gRPC Unauthenticated (16). */
  public static ApiException unauthenticated(String message) {
    return new ApiException(401, 16, message);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int grpcCode() {
    return grpcCode;
  }
}
