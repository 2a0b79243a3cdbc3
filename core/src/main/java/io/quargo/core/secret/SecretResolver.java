package io.quargo.core.secret;

/**
 * Reads one key of a Secret, as a Kubernetes {@code SecretKeySelector} ({@code {name, key}}) names it. EventSources
 * and Sensors share this one concept; where the value comes from depends on the mode: the resource store in
 * standalone ({@link StoreSecretResolver}), the apiserver in a cluster.
 */
@FunctionalInterface
public interface SecretResolver {
  /** The value (decoded text), or null when the secret or the key does not exist. */
  String resolve(String namespace, String name, String key);

  /** Every lookup finds nothing: for callers that have no secrets at all. */
  static SecretResolver none() {
    return (namespace, name, key) -> null;
  }
}
