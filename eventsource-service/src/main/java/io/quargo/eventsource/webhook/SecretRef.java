package io.quargo.eventsource.webhook;

/** A Kubernetes {@code SecretKeySelector} as an EventSource names it ({@code authSecret: {name, key}}). */
public record SecretRef(String name, String key) {}
