package io.quargo.eventbus.topology;

import java.util.List;

/**
 * What an ensure did and what exists now.
 *
 * @param name the stream, consumer or bucket
 * @param change created, updated or left unchanged
 * @param changes for an update, one {@code "field old -> new"} line per changed setting; else empty
 * @param info the server's view after the ensure (StreamInfo, ConsumerInfo, KeyValueStatus, ObjectStoreStatus)
 */
public record Ensured<I>(String name, Change change, List<String> changes, I info) {

  public enum Change { CREATED, UPDATED, UNCHANGED }

  public Ensured {
    changes = List.copyOf(changes);
  }
}
