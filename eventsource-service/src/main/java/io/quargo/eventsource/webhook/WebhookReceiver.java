package io.quargo.eventsource.webhook;

/**
 * What one kind of webhook EventSource ({@code webhook}, {@code github}, {@code gitlab}) does with a request
 * that passed the route's method, bearer-token and size checks: refuse it, drop it, or shape the event.
 * Runs on an event loop, so it must not block.
 */
public interface WebhookReceiver {
  /** The CloudEvent {@code type}: the EventSource type, e.g. {@code github}. */
  String type();

  Reception receive(WebhookRequest request);
}
