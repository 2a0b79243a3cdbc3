package io.quargo.eventsource.webhook;

/** An EventSource's {@code spec.webhook} that cannot be served; the message starts with the JSON path at fault. */
public final class WebhookSpecException extends RuntimeException {
  private final String path;

  public WebhookSpecException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.webhook.example.port}. */
  public String path() {
    return path;
  }
}
