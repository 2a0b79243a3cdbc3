package io.quargo.sensor.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import java.util.function.UnaryOperator;

/** Changes a Sensor's status compare-and-set: re-read and re-apply on a conflict with another writer. */
final class SensorStatus {
  private static final int ATTEMPTS = 8;

  private SensorStatus() {}

  /**
   * @param change gets a copy of the current status (an empty object when none) and returns the new one
   * @return false when the Sensor is gone
   */
  static boolean update(ResourceStore store, String namespace, String name, UnaryOperator<ObjectNode> change) {
    for (int attempt = 1; ; attempt++) {
      Resource current = store.get(ArgoKinds.SENSOR, namespace, name).orElse(null);
      if (current == null) {
        return false;
      }
      ObjectNode status = current.status() instanceof ObjectNode o ? o.deepCopy() : Json.object();
      try {
        store.updateStatus(current.withStatus(change.apply(status)));
        return true;
      } catch (ResourceStoreException e) {
        if (e.reason() == ResourceStoreException.Reason.NOT_FOUND) {
          return false;
        }
        if (e.reason() != ResourceStoreException.Reason.CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
