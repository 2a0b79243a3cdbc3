package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import io.quargo.core.secret.SecretData;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookSpecParser;
import io.quargo.kube.ClusterAccess;
import io.quargo.kube.KubernetesSecretResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets from the (CRUD mock) apiserver, as a cluster-mode EventSource or Sensor reads them. */
@EnableKubernetesMockClient(crud = true)
class KubernetesSecretResolverTest {
  static KubernetesClient client;

  private final SecretResolver secrets = new KubernetesSecretResolver(ClusterAccess.of(client));

  private void put(String ns, String name, String key, String value) {
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
        .addToData(key, SecretData.encode(value)).build()).createOr(e -> e.update());
  }

  @Test
  void readsTheDecodedKeyInTheSecretsOwnNamespace() {
    put("team-a", "webhook-auth", "token", "from-a");
    put("team-b", "webhook-auth", "token", "from-b");
    assertThat(secrets.resolve("team-a", "webhook-auth", "token")).isEqualTo("from-a");
    assertThat(secrets.resolve("team-b", "webhook-auth", "token")).isEqualTo("from-b");
    assertThat(secrets.resolve("team-a", "webhook-auth", "other")).isNull();
    assertThat(secrets.resolve("team-a", "missing", "token")).isNull();
    assertThat(secrets.resolve("team-c", "webhook-auth", "token")).isNull();
  }

  @Test
  void aChangedSecretIsReadByTheNextLookup() {
    put("team-u", "creds", "password", "one");
    assertThat(secrets.resolve("team-u", "creds", "password")).isEqualTo("one");
    put("team-u", "creds", "password", "two");
    assertThat(secrets.resolve("team-u", "creds", "password")).isEqualTo("two");
  }

  @Test
  void aWebhookEventSourceTakesItsAuthSecretFromTheCluster() {
    put("team-w", "hook", "token", "t0k3n\n");
    Resource es = Resource.of(Json.parse(("{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"EventSource\","
        + "\"metadata\":{\"name\":\"hooks\",\"namespace\":\"team-w\"},\"spec\":{\"webhook\":{\"example\":"
        + "{\"port\":\"12000\",\"endpoint\":\"/e\",\"method\":\"POST\",\"authSecret\":{\"name\":\"hook\","
        + "\"key\":\"token\"}}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<WebhookRoute> routes = new WebhookSpecParser(secrets).parse(es);
    assertThat(routes).singleElement().extracting(WebhookRoute::authToken).isEqualTo("t0k3n");
  }
}
