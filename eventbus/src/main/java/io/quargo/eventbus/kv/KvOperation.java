package io.quargo.eventbus.kv;

/** What a change did to a key. A purge is reported as a delete: either way the key has no value now. */
public enum KvOperation {
  PUT,
  DELETE
}
