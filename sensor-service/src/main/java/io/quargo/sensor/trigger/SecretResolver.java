package io.quargo.sensor.trigger;

/** Reads a Kubernetes-style secret key ({@code {name, key}}) for basic auth and secure headers. */
@FunctionalInterface
public interface SecretResolver {
  /** @return the value, or null when the secret or key does not exist */
  String resolve(String namespace, String name, String key);

  static SecretResolver none() {
    return (ns, name, key) -> null;
  }
}
