package io.quargo.eventbus.lease;

/**
 * Told once that a lease is no longer held (another holder took it, or it could not be renewed before it
 * expired). Stop the work the lease guarded, promptly: another replica may start it. Runs on the lease
 * keeper's thread, so do not block.
 */
@FunctionalInterface
public interface LeaseLostListener {
  void onLost(Lease lease, String reason);
}
