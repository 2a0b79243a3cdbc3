package io.quargo.eventbus.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class LeaseKeeperIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LEASE = "sensor.argo.webhook";

  private NatsTestServer nats;
  private BusConnection bus;
  private String bucketName;
  private final List<String> lost = new CopyOnWriteArrayList<>();

  @BeforeEach
  void createBucket(NatsTestServer nats) throws Exception {
    this.nats = nats;
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    bucketName = "leases-" + UUID.randomUUID().toString().substring(0, 8);
    bus.nats().keyValueManagement().create(KeyValueConfiguration.builder().name(bucketName)
        .storageType(StorageType.File).build());
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  private LeaseKeeper keeper(BusConnection connection, String holder, Clock clock) {
    return new LeaseKeeper(KvBucket.open(connection, bucketName), holder, clock);
  }

  private LeaseLostListener recordLost(String who) {
    return (lease, reason) -> lost.add(who + ": " + reason);
  }

  @Test
  void holderRenewsPastItsTtlAndASecondHolderIsRefused() {
    try (LeaseKeeper a = keeper(bus, "replica-a", Clock.systemUTC());
        LeaseKeeper b = keeper(bus, "replica-b", Clock.systemUTC())) {
      Lease lease = a.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("a")).orElseThrow();
      assertThat(lease.isHeld()).isTrue();
      assertThat(b.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("b"))).isEmpty();

      // renewed until it lives longer than one ttl past its acquisition
      await().atMost(WAIT).until(() -> a.current(LEASE).map(r -> r.renewedAt()
          .isAfter(r.acquiredAt().plus(Duration.ofSeconds(1)))).orElse(false));
      assertThat(lease.isHeld()).isTrue();
      assertThat(b.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("b"))).isEmpty();
      assertThat(a.current(LEASE)).map(LeaseRecord::holder).contains("replica-a");
    }
    assertThat(lost).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldHolderIsToldOnce() {
    // b's clock runs an hour ahead, so a's lease looks expired to b while a still renews it
    try (LeaseKeeper a = keeper(bus, "replica-a", Clock.systemUTC());
        LeaseKeeper b = keeper(bus, "replica-b", Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))) {
      Lease old = a.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("a")).orElseThrow();
      Lease taken = b.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("b")).orElseThrow();

      await().atMost(WAIT).until(() -> !lost.isEmpty());
      assertThat(old.isHeld()).isFalse();
      assertThat(taken.isHeld()).isTrue();
      assertThat(b.current(LEASE)).map(LeaseRecord::holder).contains("replica-b");
      assertThat(lost).singleElement().asString().startsWith("a: taken over").contains("replica-b");
    }
  }

  @Test
  void aDeadHoldersLeaseIsTakenAfterItExpiresAndTheHolderLearnsItLostIt() {
    BusConnection doomed = BusConnection.connect(BusConfig.of(nats.url()));
    try (LeaseKeeper a = keeper(doomed, "replica-a", Clock.systemUTC());
        LeaseKeeper b = keeper(bus, "replica-b", Clock.systemUTC())) {
      Lease old = a.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("a")).orElseThrow();
      doomed.close(); // a can no longer renew

      await().atMost(WAIT).until(() -> b.tryAcquire(LEASE, Duration.ofSeconds(1), recordLost("b")).isPresent());
      await().atMost(WAIT).until(() -> !lost.isEmpty());
      assertThat(old.isHeld()).isFalse();
      assertThat(lost).singleElement().asString().startsWith("a: could not be renewed before it expired");
    }
  }

  @Test
  void releaseFreesTheLeaseAtOnce() {
    try (LeaseKeeper a = keeper(bus, "replica-a", Clock.systemUTC());
        LeaseKeeper b = keeper(bus, "replica-b", Clock.systemUTC())) {
      Lease lease = a.tryAcquire(LEASE, Duration.ofMinutes(5), recordLost("a")).orElseThrow();
      lease.release();
      assertThat(lease.isHeld()).isFalse();
      Optional<Lease> next = b.tryAcquire(LEASE, Duration.ofMinutes(5), recordLost("b"));
      assertThat(next).isPresent();
      assertThat(a.current(LEASE)).map(LeaseRecord::holder).contains("replica-b");
    }
    assertThat(lost).isEmpty();
  }

  @Test
  void aRestartedHolderWithTheSameIdGetsItsLeaseBack() {
    try (LeaseKeeper before = keeper(bus, "replica-a", Clock.systemUTC())) {
      before.tryAcquire(LEASE, Duration.ofMinutes(5), recordLost("before")).orElseThrow();
      try (LeaseKeeper after = keeper(bus, "replica-a", Clock.systemUTC())) {
        assertThat(after.tryAcquire(LEASE, Duration.ofMinutes(5), recordLost("after"))).isPresent();
      }
    }
  }
}
