package io.quargo.core.resource;

import java.util.List;

/** A list of resources and the store revision it was read at (to start a watch from). */
public record ResourceList(List<Resource> items, String resourceVersion) {
  public ResourceList {
    items = List.copyOf(items);
  }
}
