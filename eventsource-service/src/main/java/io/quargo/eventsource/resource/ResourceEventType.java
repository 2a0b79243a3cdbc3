package io.quargo.eventsource.resource;

/** Argo's {@code eventTypes} of a resource source: the informer's add, update and delete. */
public enum ResourceEventType {
  ADD, UPDATE, DELETE
}
