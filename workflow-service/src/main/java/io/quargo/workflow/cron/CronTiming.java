package io.quargo.workflow.cron;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.cron.CronParser;
import io.quargo.core.cron.Schedule;
import io.quargo.workflow.engine.EngineException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a CronWorkflow fires (pure): {@code schedules} (or the older {@code schedule}) in {@code timezone}, the
 * next tick after the last scheduled one, and whether a tick missed while nothing ran may still run
 * ({@code startingDeadlineSeconds}: at most one missed run, the latest, as Argo does).
 */
final class CronTiming {
  private final List<Schedule> schedules = new ArrayList<>();
  private final ZoneId zone;
  private final long startingDeadlineSeconds;

  CronTiming(JsonNode spec) {
    List<String> texts = new ArrayList<>();
    spec.path("schedules").forEach(s -> texts.add(s.asText()));
    if (spec.hasNonNull("schedule") && !spec.get("schedule").asText().isBlank()) {
      texts.add(spec.get("schedule").asText());
    }
    if (texts.isEmpty()) {
      throw new EngineException("spec.schedules: a CronWorkflow needs at least one schedule, e.g. \"*/5 * * * *\"");
    }
    for (int i = 0; i < texts.size(); i++) {
      try {
        schedules.add(CronParser.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new EngineException("spec.schedules[" + i + "]: " + e.getMessage());
      }
    }
    String tz = spec.path("timezone").asText("");
    try {
      zone = tz.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(tz);
    } catch (RuntimeException e) {
      throw new EngineException("spec.timezone: unknown time zone '" + tz + "'; use an IANA name like Europe/Paris");
    }
    startingDeadlineSeconds = spec.path("startingDeadlineSeconds").asLong(0);
  }

  /** The first tick strictly after {@code after}, over all schedules. */
  Instant next(Instant after) {
    Instant best = null;
    for (Schedule s : schedules) {
      ZonedDateTime n = s.next(after.atZone(zone));
      if (n != null && (best == null || n.toInstant().isBefore(best))) {
        best = n.toInstant();
      }
    }
    return best;
  }

  /**
   * The tick to run now, if any: the latest tick after {@code last} and at or before {@code now}, provided it is no
   * older than the starting deadline (a tick is always allowed a second of lateness, the scheduler's own jitter).
   * Only that window is searched, so a long downtime costs nothing.
   */
  Instant due(Instant last, Instant now) {
    long allowed = Math.max(1, startingDeadlineSeconds);
    Instant from = now.minusSeconds(allowed + 1);
    if (last != null && last.isAfter(from)) {
      from = last;
    }
    Instant latest = null;
    for (Instant t = next(from); t != null && !t.isAfter(now); t = next(t)) {
      latest = t;
    }
    return latest;
  }
}
