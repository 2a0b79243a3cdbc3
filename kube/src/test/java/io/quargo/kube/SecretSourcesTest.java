package io.quargo.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.core.Json;
import io.quargo.core.resource.InMemoryResourceStore;
import io.quargo.core.resource.Resource;
import io.quargo.core.secret.SecretData;
import io.quargo.core.secret.SecretResolver;
import org.junit.jupiter.api.Test;

/** quargo.secrets.source: the same choice for the standalone server and the separate services. */
@EnableKubernetesMockClient(crud = true)
class SecretSourcesTest {
  static KubernetesClient client;

  private static InMemoryResourceStore storeWithOneSecret() {
    InMemoryResourceStore store = new InMemoryResourceStore();
    var secret = Json.object().put("apiVersion", "v1").put("kind", "Secret");
    secret.putObject("metadata").put("name", "auth").put("namespace", "team");
    secret.putObject("data").put("token", SecretData.encode("from-store"));
    store.create(Resource.of(secret));
    return store;
  }

  @Test
  void storeReadsTheSecretsAppliedToQuargoInTheirNamespace() {
    SecretResolver secrets = SecretSources.of("store", storeWithOneSecret(), ClusterAccess.none());
    assertThat(secrets.resolve("team", "auth", "token")).isEqualTo("from-store");
    assertThat(secrets.resolve("other", "auth", "token")).isNull();
  }

  @Test
  void kubernetesReadsTheApiserversSecretsNotTheStores() {
    client.secrets().inNamespace("team").resource(new SecretBuilder().withNewMetadata().withName("auth").endMetadata()
        .addToData("token", SecretData.encode("from-cluster")).build()).create();
    SecretResolver secrets = SecretSources.of(" kubernetes ", storeWithOneSecret(), ClusterAccess.of(client));
    assertThat(secrets.resolve("team", "auth", "token")).isEqualTo("from-cluster");
  }

  @Test
  void anUnusableSourceIsRefusedSayingWhatToSet() {
    assertThatThrownBy(() -> SecretSources.of("kubernetes", storeWithOneSecret(), ClusterAccess.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quargo.secrets.source=kubernetes: Secrets from the apiserver need cluster mode or a kubeconfig")
        .hasMessageContaining("use quargo.secrets.source=store");
    assertThatThrownBy(() -> SecretSources.of("vault", storeWithOneSecret(), ClusterAccess.none()))
        .hasMessage("quargo.secrets.source is 'vault': use store (Secrets applied to Quargo) or kubernetes (Secrets"
            + " of the cluster)");
  }
}
