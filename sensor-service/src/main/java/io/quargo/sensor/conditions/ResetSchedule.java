package io.quargo.sensor.conditions;

import com.cronutils.model.time.ExecutionTime;
import io.quargo.sensor.spec.ConditionsReset;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code conditionsReset.byTime}: a saved dependency older than the latest cron time is gone. Checked whenever the
 * state is read, so a reset that fell while no replica ran still applies (Argo purges on start for the same
 * reason) and no timer has to fire at the exact minute.
 */
final class ResetSchedule {
  private ResetSchedule() {}

  /** The latest reset time at or before {@code now} over all the trigger's resets, if any. */
  static Optional<Instant> lastReset(List<ConditionsReset> resets, Instant now) {
    Instant latest = null;
    for (ConditionsReset r : resets) {
      // the cron is read on the wall clock of its zone, so 23:59 means 23:59 there, DST included
      Optional<ZonedDateTime> last = ExecutionTime.forCron(r.cron()).lastExecution(now.atZone(r.zone()));
      if (last.isPresent() && (latest == null || last.get().toInstant().isAfter(latest))) {
        latest = last.get().toInstant();
      }
    }
    return Optional.ofNullable(latest);
  }
}
