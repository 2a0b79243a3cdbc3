package io.quargo.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.InMemoryResourceStore;
import io.quargo.core.resource.Resource;
import org.junit.jupiter.api.Test;

class StoreSecretResolverTest {
  private final InMemoryResourceStore store = new InMemoryResourceStore();
  private final SecretResolver secrets = new StoreSecretResolver(store);

  private Resource secret(String ns, String token) {
    ObjectNode secret = Json.object().put("apiVersion", "v1").put("kind", "Secret");
    secret.putObject("metadata").put("name", "auth").put("namespace", ns);
    secret.putObject("stringData").put("token", token);
    return Resource.of(SecretData.admit(secret, "secret"));
  }

  @Test
  void readsTheKeyOfTheSecretInTheGivenNamespace() {
    store.create(secret("a", "from-a"));
    store.create(secret("b", "from-b"));
    assertThat(secrets.resolve("a", "auth", "token")).isEqualTo("from-a");
    assertThat(secrets.resolve("b", "auth", "token")).isEqualTo("from-b");
    assertThat(secrets.resolve("c", "auth", "token")).isNull();
    assertThat(secrets.resolve("a", "auth", "other")).isNull();
    assertThat(secrets.resolve("a", "nope", "token")).isNull();
  }

  @Test
  void anUpdatedSecretIsSeenByTheNextLookup() {
    store.create(secret("a", "one"));
    assertThat(secrets.resolve("a", "auth", "token")).isEqualTo("one");
    Resource stored = store.get(io.quargo.core.resource.ArgoKinds.SECRET, "a", "auth").orElseThrow();
    store.update(Resource.of(secret("a", "two").tree()).withResourceVersion(stored.resourceVersion()));
    assertThat(secrets.resolve("a", "auth", "token")).isEqualTo("two");
  }
}
