package io.quargo.sensor.spec;

import io.quargo.core.PathException;

/** A Sensor that cannot run; the message starts with the JSON path at fault and says how to fix it. */
public final class SensorSpecException extends PathException {
  public SensorSpecException(String path, String problem) {
    super(path, problem);
  }
}
