package io.quargo.eventsource.calendar;

import io.quargo.core.cron.Schedule;
import io.quargo.eventsource.webhook.EventFilter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One entry of {@code spec.calendar}, parsed.
 *
 * @param catchup     {@code persistence.catchup.enabled}: replay ticks missed while no replica ran
 * @param maxCatchup  {@code persistence.catchup.maxDuration}: how far back a replay reaches; null = no limit
 * @param filter      {@code filter.expression}, or null
 */
public record CalendarSpec(String namespace, String eventSource, String eventName, Schedule schedule, ZoneId zone,
    ExclusionDates exclusions, Map<String, String> metadata, boolean catchup, Duration maxCatchup,
    EventFilter filter) {

  /** The next tick after {@code t} that is not on an excluded day, or null when the schedule has none. */
  public ZonedDateTime nextTick(ZonedDateTime t) {
    ZonedDateTime next = schedule.next(t.withZoneSameInstant(zone));
    int guard = 0;
    while (next != null && exclusions.excludes(next) && guard++ < 100_000) {
      next = schedule.next(next);
    }
    return next == null || exclusions.excludes(next) ? null : next;
  }

  public CalendarSpec withNamespace(String value) {
    return new CalendarSpec(value, eventSource, eventName, schedule, zone, exclusions, metadata, catchup, maxCatchup,
        filter);
  }

  /** {@code <namespace>.<eventSource>.<eventName>}: the state key and the root of every tick's event id. */
  public String key() {
    return namespace + "." + eventSource + "." + eventName;
  }
}
