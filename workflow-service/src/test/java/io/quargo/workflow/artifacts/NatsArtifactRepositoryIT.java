package io.quargo.workflow.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract against a real nats-server: a fresh object store bucket per test. */
@ExtendWith(NatsServerExtension.class)
class NatsArtifactRepositoryIT extends ArtifactRepositoryContract {
  private BusConnection bus;
  private String bucket;

  @BeforeEach
  void connect(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    bucket = "artifacts-" + System.nanoTime();
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @Override
  ArtifactRepository repository() {
    return NatsArtifactRepository.open(bus, bucket);
  }

  @Test
  void theLocationNamesTheBucketAndOnlyThatBucketsKeysAreItsOwn() {
    ArtifactRepository repo = repository();
    assertThat(repo.location("wf/p/a.tgz").toString())
        .isEqualTo("{\"nats\":{\"bucket\":\"" + bucket + "\",\"key\":\"wf/p/a.tgz\"}}");
    assertThat(repo.keyOf(Json.object().set("nats", Json.object().put("bucket", "other").put("key", "k"))))
        .isNull();
  }
}
