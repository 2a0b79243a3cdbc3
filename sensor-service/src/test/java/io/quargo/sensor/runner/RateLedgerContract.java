package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RateLedger} must do; run against the in-memory one and the KV one. */
abstract class RateLedgerContract {
  /** Two views of one ledger, as two replicas of a Sensor would hold (the same object for the local one). */
  abstract RateLedger[] replicas();

  @Test
  void aFirstBookingRunsNow() {
    assertThat(replicas()[0].book("ns.s.rate.first", 1_000, 100)).isEqualTo(1_000);
  }

  @Test
  void aBookingWithinTheIntervalWaitsForItsEnd() {
    RateLedger ledger = replicas()[0];
    ledger.book("ns.s.rate.within", 1_000, 100);
    assertThat(ledger.book("ns.s.rate.within", 1_030, 100)).isEqualTo(1_100);
    assertThat(ledger.book("ns.s.rate.within", 1_040, 100)).isEqualTo(1_200);
  }

  @Test
  void anIdleKeyDoesNotSaveUpABurst() {
    RateLedger ledger = replicas()[0];
    ledger.book("ns.s.rate.idle", 1_000, 100);
    assertThat(ledger.book("ns.s.rate.idle", 5_000, 100)).isEqualTo(5_000);
    assertThat(ledger.book("ns.s.rate.idle", 5_000, 100)).isEqualTo(5_100);
  }

  @Test
  void keysAreIndependent() {
    RateLedger ledger = replicas()[0];
    ledger.book("ns.s.rate.a", 1_000, 100);
    assertThat(ledger.book("ns.s.rate.b", 1_000, 100)).isEqualTo(1_000);
  }

  @Test
  void concurrentBookingsFromBothReplicasGetDistinctSlotsOneIntervalApart() throws Exception {
    RateLedger[] replicas = replicas();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> slots = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RateLedger ledger = replicas[i % replicas.length];
        Callable<Long> booking = () -> ledger.book("ns.s.rate.race", 1_000, 100);
        slots.add(pool.submit(booking));
      }
      List<Long> booked = new ArrayList<>();
      for (Future<Long> slot : slots) {
        booked.add(slot.get());
      }
      List<Long> expected = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        expected.add(1_000L + 100L * i);
      }
      assertThat(booked).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
