package io.quargo.eventbus.kv;

/**
 * Receives a watch's changes, one at a time and in revision order, on a bus dispatcher thread: keep it
 * short (hand work to a queue). An exception thrown here is logged and the watch goes on.
 */
@FunctionalInterface
public interface KvWatchListener {
  void onChange(KvChange change);

  /**
   * Called once, when the changes that existed when the watch started were all delivered (at once if
   * there were none); what follows are live changes. A cache is complete from here on.
   */
  default void onInitialValuesDone() {}
}
