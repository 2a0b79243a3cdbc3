package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyChecksTest {
  private static final ServerCapabilities SINGLE_2_9 = new ServerCapabilities("2.9.10", false, "nats://h:4222");
  private static final ServerCapabilities CLUSTER_2_11 = new ServerCapabilities("2.11.4", true, "nats://h:4222");
  private static final StreamLimits EVENTS_LIMITS =
      StreamLimits.from(Map.of(), "events", StreamLimits.defaults());

  @Test
  void replicasNeedACluster() {
    StreamSpec spec = StandardStreams.events(EVENTS_LIMITS.withReplicas(3));

    assertThatThrownBy(() -> TopologyChecks.stream(spec, SINGLE_2_9))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("stream EVENTS asks for 3 replicas")
        .hasMessageContaining("not clustered")
        .hasMessageContaining("Set quargo.bus.streams.events.replicas=1");
    assertThatCode(() -> TopologyChecks.stream(spec, CLUSTER_2_11)).doesNotThrowAnyException();
  }

  @Test
  void duplicateWindowMayNotOutliveMaxAge() {
    StreamSpec spec = StandardStreams.events(
        EVENTS_LIMITS.withMaxAge(Duration.ofMinutes(1)).withDuplicateWindow(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> TopologyChecks.stream(spec, CLUSTER_2_11))
        .hasMessageContaining("duplicate window 5m is longer than max age 1m")
        .hasMessageContaining("quargo.bus.streams.events.duplicate-window");
    assertThatCode(() -> TopologyChecks.stream(spec.withLimits(spec.limits().withMaxAge(Duration.ZERO)), SINGLE_2_9))
        .as("max age 0 keeps messages forever, so any window fits").doesNotThrowAnyException();
  }

  @Test
  void newerServerFeaturesAreRefusedOnOlderServers() {
    StreamSpec transform = StreamSpec.of("T", StreamLimits.defaults(), "t.>")
        .withSubjectTransform(new StreamSpec.Transform("t.>", "u.>"));
    StreamSpec ttl = StreamSpec.of("T", StreamLimits.defaults(), "t.>").withAllowMessageTtl(true);
    ConsumerSpec multi = ConsumerSpec.pull("T", "c", "t.a").withFilterSubjects(List.of("t.a", "t.b"));

    assertThatThrownBy(() -> TopologyChecks.stream(transform, SINGLE_2_9))
        .hasMessageContaining("stream subject transforms, which nats-server 2.10 introduced")
        .hasMessageContaining("is 2.9.10");
    assertThatThrownBy(() -> TopologyChecks.stream(ttl, new ServerCapabilities("2.10.29", false, "u")))
        .hasMessageContaining("per-message TTL").hasMessageContaining("2.11");
    assertThatThrownBy(() -> TopologyChecks.consumer(multi, SINGLE_2_9))
        .hasMessageContaining("consumer c on stream T (filters [t.a, t.b])")
        .hasMessageContaining("more than one filter subject");
    assertThatCode(() -> {
      TopologyChecks.stream(transform, CLUSTER_2_11);
      TopologyChecks.stream(ttl, CLUSTER_2_11);
      TopologyChecks.consumer(multi, CLUSTER_2_11);
    }).doesNotThrowAnyException();
  }

  @Test
  void storageAndRetentionOfAnExistingStreamCannotChange() {
    StreamSpec file = StandardStreams.events(EVENTS_LIMITS);
    StreamSpec memory = StandardStreams.events(EVENTS_LIMITS.withStorage(StorageType.Memory));

    assertThatThrownBy(() -> TopologyChecks.streamUpdate(memory, file.toConfiguration(null)))
        .hasMessageContaining("stream EVENTS exists with storage file, but memory is wanted")
        .hasMessageContaining("Set quargo.bus.streams.events.storage=file")
        .hasMessageContaining("nats stream rm EVENTS");
    assertThatThrownBy(() -> TopologyChecks.streamUpdate(
        file.withRetention(RetentionPolicy.WorkQueue), file.toConfiguration(null)))
        .hasMessageContaining("exists with retention limits, but workqueue is wanted");
    assertThatCode(() -> TopologyChecks.streamUpdate(file, file.toConfiguration(null))).doesNotThrowAnyException();
  }

  @Test
  void deliverPolicyAndPushConsumersCannotBeTakenOver() {
    ConsumerSpec spec = ConsumerSpec.pull("S", "c", "s.a");
    ConsumerConfiguration asSpec = spec.toConfiguration();

    assertThatThrownBy(() -> TopologyChecks.consumerUpdate(spec.withDeliverPolicy(DeliverPolicy.New), asSpec))
        .hasMessageContaining("consumer c on stream S exists with deliver policy all, but new is wanted")
        .hasMessageContaining("nats consumer rm S c");
    assertThatThrownBy(() -> TopologyChecks.consumerUpdate(spec,
        ConsumerConfiguration.builder(asSpec).ackPolicy(AckPolicy.None).build()))
        .hasMessageContaining("ack policy none");
    assertThatThrownBy(() -> TopologyChecks.consumerUpdate(spec,
        ConsumerConfiguration.builder(asSpec).deliverSubject("_INBOX.x").build()))
        .hasMessageContaining("push consumer");
    assertThatCode(() -> TopologyChecks.consumerUpdate(spec, asSpec)).doesNotThrowAnyException();
  }

  @Test
  void bucketsFollowTheSameRules() {
    assertThatThrownBy(() -> TopologyChecks.kv(KvSpec.of("leases").withReplicas(3), SINGLE_2_9))
        .hasMessageContaining("KV bucket leases asks for 3 replicas");
    assertThatThrownBy(() -> TopologyChecks.objectStore(ObjectStoreSpec.of("artifacts").withReplicas(2), SINGLE_2_9))
        .hasMessageContaining("object store bucket artifacts asks for 2 replicas");
    assertThatThrownBy(() -> TopologyChecks.bucketStorage("KV bucket", "leases", StorageType.File, StorageType.Memory))
        .hasMessageContaining("KV bucket leases exists with storage file, but memory is wanted");
  }

  @Test
  void versionsCompareByMajorAndMinor() {
    assertThat(supports("2.10.0", ServerCapabilities.Feature.SUBJECT_TRANSFORMS)).isTrue();
    assertThat(supports("2.9.25", ServerCapabilities.Feature.SUBJECT_TRANSFORMS)).isFalse();
    assertThat(supports("3.0.0-beta", ServerCapabilities.Feature.MESSAGE_TTL)).isTrue();
    assertThat(supports("v2.11.0", ServerCapabilities.Feature.MESSAGE_TTL)).isTrue();
    assertThat(supports("2.10.29", ServerCapabilities.Feature.MESSAGE_TTL)).isFalse();
    assertThat(supports("garbage", ServerCapabilities.Feature.MESSAGE_TTL)).isFalse();
  }

  private static boolean supports(String version, ServerCapabilities.Feature feature) {
    return new ServerCapabilities(version, false, "u").supports(feature);
  }
}
