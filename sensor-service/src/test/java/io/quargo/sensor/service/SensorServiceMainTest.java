package io.quargo.sensor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceWatcher;
import io.quargo.core.secret.SecretData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensorServiceMainTest {
  /** Holds one Secret; the resolver only ever reads. */
  private static final ResourceStore ONE_SECRET = new ResourceStore() {
    @Override
    public Optional<Resource> get(ResourceKind kind, String namespace, String name) {
      var secret = io.quargo.core.Json.object().put("apiVersion", "v1").put("kind", "Secret");
      secret.putObject("metadata").put("name", "auth").put("namespace", "team");
      secret.putObject("data").put("token", SecretData.encode("t0k3n"));
      return kind.equals(ArgoKinds.SECRET) && "team".equals(namespace) && "auth".equals(name)
          ? Optional.of(Resource.of(secret)) : Optional.empty();
    }

    @Override
    public ResourceList list(ResourceKind kind, String namespace) {
      return new ResourceList(List.of(), "0");
    }

    @Override
    public Resource create(Resource resource) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Resource update(Resource resource) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Resource updateStatus(Resource resource) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Resource delete(ResourceKind kind, String namespace, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Watch watch(ResourceKind kind, String namespace, String from, ResourceWatcher watcher) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void theStoreModeReadsSecretsFromTheResourceStore() {
    var secrets = SensorServiceMain.secrets("store", ONE_SECRET);
    assertThat(secrets.resolve("team", "auth", "token")).isEqualTo("t0k3n");
    assertThat(secrets.resolve("other", "auth", "token")).isNull();
  }

  @Test
  void anUnusableModeIsRefusedSayingWhatToDo() {
    assertThatThrownBy(() -> SensorServiceMain.secrets("kubernetes", ONE_SECRET))
        .hasMessageContaining("quargo.secrets.source=kubernetes").hasMessageContaining("=store");
    assertThatThrownBy(() -> SensorServiceMain.secrets("vault", ONE_SECRET))
        .hasMessage("quargo.secrets.source is 'vault': use store or kubernetes");
  }
}
