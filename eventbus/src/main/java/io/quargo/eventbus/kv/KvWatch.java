package io.quargo.eventbus.kv;

/** A running watch; close it to stop receiving changes. */
public interface KvWatch extends AutoCloseable {
  @Override
  void close();
}
