package io.quargo.eventsource.webhook;

import io.quargo.core.PathException;

/** An EventSource's {@code spec.webhook} that cannot be served; the message starts with the JSON path at fault. */
public final class WebhookSpecException extends PathException {
  public WebhookSpecException(String path, String problem) {
    super(path, problem);
  }
}
