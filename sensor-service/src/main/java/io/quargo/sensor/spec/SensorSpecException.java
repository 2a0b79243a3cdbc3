package io.quargo.sensor.spec;

/** A Sensor that cannot run; the message starts with the JSON path at fault and says how to fix it. */
public final class SensorSpecException extends RuntimeException {
  private final String path;

  public SensorSpecException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.dependencies[0].filters.data[1].type}. */
  public String path() {
    return path;
  }
}
