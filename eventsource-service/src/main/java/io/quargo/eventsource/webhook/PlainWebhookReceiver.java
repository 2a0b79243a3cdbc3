package io.quargo.eventsource.webhook;

/** The {@code webhook} type: data is {@code {header, body, metadata}}, each request a new event. */
final class PlainWebhookReceiver implements WebhookReceiver {
  static final PlainWebhookReceiver INSTANCE = new PlainWebhookReceiver();

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
          request.body(), route.metadata()), null);
    } catch (WebhookPayload.InvalidBodyException e) {
      return new Reception.Refused(400, e.getMessage());
    }
  }
}
