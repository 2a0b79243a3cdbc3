package io.quargo.sensor.runner;

class LocalRateLedgerTest extends RateLedgerContract {
  @Override
  RateLedger[] replicas() {
    RateLedger one = RateLedger.local();
    return new RateLedger[] {one, one};
  }
}
