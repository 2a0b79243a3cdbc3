package io.quargo.eventsource.webhook;

/**
 * The {@code webhook} type: data is {@code {header, body, metadata}}, each request a new event. A sender that sets
 * {@code Idempotency-Key} gets an id derived from it, so its retry of a request whose answer it did not see (a
 * timeout after we stored the event) is deduplicated on the bus instead of becoming a second event.
 */
final class PlainWebhookReceiver implements WebhookReceiver {
  static final PlainWebhookReceiver INSTANCE = new PlainWebhookReceiver();
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private PlainWebhookReceiver() {}

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Reception receive(WebhookRequest request) {
    try {
      WebhookRoute route = request.route();
      return new Reception.Accepted(WebhookPayload.build(route.method(), request.headers(), request.rawQuery(),
          request.body(), route.metadata()), DeliveryIds.of(route, request.header(IDEMPOTENCY_HEADER)));
    } catch (WebhookPayload.InvalidBodyException e) {
      return new Reception.Refused(400, e.getMessage());
    }
  }
}
