package io.quargo.eventbus.objectstore;

import io.quargo.eventbus.BusException;

/** The object store bucket has no (undeleted) object by that name. */
public class ObjectNotFoundException extends BusException {
  public ObjectNotFoundException(String bucket, String name) {
    super("object '" + name + "' not found in object store bucket '" + bucket + "'");
  }
}
