package io.quargo.core.resource;

/** Receives watch events, one at a time and in revision order. */
@FunctionalInterface
public interface ResourceWatcher {
  void onEvent(WatchEvent event);

  /** The watch ended on its own (connection lost, store closed); resume from the last version seen. */
  default void onClose(Throwable cause) {}
}
