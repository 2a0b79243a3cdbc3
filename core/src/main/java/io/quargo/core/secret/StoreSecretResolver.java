package io.quargo.core.secret;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.ResourceStore;

/**
 * Secrets from the resource store (standalone: applied through {@code /api/v1/secrets/{ns}}). Every call reads the
 * store, so a changed Secret is seen by the next lookup: nothing is cached here.
 */
public final class StoreSecretResolver implements SecretResolver {
  private final ResourceStore store;

  public StoreSecretResolver(ResourceStore store) {
    this.store = store;
  }

  @Override
  public String resolve(String namespace, String name, String key) {
    if (namespace == null || name == null || name.isEmpty() || key == null || key.isEmpty()) {
      return null;
    }
    return store.get(ArgoKinds.SECRET, namespace, name).map(s -> SecretData.value(s.tree(), key)).orElse(null);
  }
}
