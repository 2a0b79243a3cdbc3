package io.quargo.cli.api;

/** The server answered with an HTTP error; {@code message} is the grpc-gateway error's message. */
public final class ApiException extends CliException {
  private final int status;
  private final String serverMessage;

  public ApiException(int status, String method, String path, String message) {
    super(method + " " + path + " failed (HTTP " + status + "): " + message);
    this.status = status;
    this.serverMessage = message;
  }

  /** The server's own words, without the request prefix. */
  public String serverMessage() {
    return serverMessage;
  }

  public int status() {
    return status;
  }

  public boolean notFound() {
    return status == 404;
  }
}
