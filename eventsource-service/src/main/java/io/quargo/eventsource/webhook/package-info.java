/**
 * The webhook EventSource ({@code spec.webhook}): {@link io.quargo.eventsource.webhook.WebhookSpecParser} reads the
 * spec into {@link io.quargo.eventsource.webhook.WebhookRoute}s, {@link io.quargo.eventsource.webhook.WebhookServers}
 * serves them, one HTTP server per port with {@code GET /health}, and publishes each request as a {@code webhook}
 * CloudEvent on {@code events.<namespace>.<eventSource>.<eventName>}.
 *
 * <p>As Argo: {@code data = {header, body, metadata}} (Go-canonical header names, no {@code Host}, any
 * {@code Authorization} masked), GET bodies are the query and urlencoded forms their fields
 * ({@code {name: [values]}}), other bodies must be JSON (400 otherwise); bearer {@code authSecret} (401); an event
 * dropped by {@code filter.expression} (or whose filter fails) still gets 200.
 *
 * <p>Ours: 200 only after JetStream acknowledged the event, 503 with {@code Retry-After} when it did not (Argo
 * answers 500); 405 with {@code Allow} for another method (Argo answers 400); 413 over {@code maxPayloadSize}
 * (Argo fails the body read); an empty non-GET body is {@code null}; any configured method is served (Argo serves
 * GET and POST only). An unknown path is 404, as Argo's router answers.
 *
 * <p>{@code authSecret} is read through the caller's {@link io.quargo.core.secret.SecretResolver} when the routes are
 * parsed. HTTPS with {@code serverCertSecret}/{@code serverKeySecret} (PEM, both required; every event on a port must
 * name the same pair, since a port is one server). A change of routes swaps them on the running server; a port
 * is only closed when no route uses it, and restarted only when its certificate changes. When the publisher's
 * in-flight window (1,024) is full, the request is answered 503 with {@code Retry-After}.
 */
package io.quargo.eventsource.webhook;
