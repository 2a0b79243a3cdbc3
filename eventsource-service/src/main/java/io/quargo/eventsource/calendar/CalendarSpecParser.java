package io.quargo.eventsource.calendar;

import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.cron.CronParser;
import io.quargo.core.cron.IntervalSchedule;
import io.quargo.core.cron.Schedule;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.quargo.eventsource.webhook.EventFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spec.calendar} of an EventSource into {@link CalendarSpec}s with Argo's field names: {@code schedule}
 * (wins over {@code interval}), {@code interval}, {@code timezone}, {@code exclusionDates}, {@code metadata},
 * {@code persistence.catchup}, {@code filter}. {@code persistence.configMap} is accepted and ignored: our
 * last-fired state lives in a KV bucket.
 */
public final class CalendarSpecParser {

  public List<CalendarSpec> parse(Resource eventSource) {
    List<CalendarSpec> specs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : SpecFields.entries(eventSource, "calendar").entrySet()) {
      specs.add(spec(SpecFields.namespace(eventSource), eventSource.name(), e.getKey(), e.getValue(),
          "spec.calendar." + e.getKey()));
    }
    return specs;
  }

  /** One adapter per entry, all sharing the ledger; start each with a sink built with {@link #filters}. */
  public List<CalendarAdapter> adapters(Resource eventSource, TickLedger ledger) {
    return parse(eventSource).stream().map(spec -> new CalendarAdapter(spec, ledger)).toList();
  }

  /** The entries' {@code filter.expression}s by event name, as {@link io.quargo.eventsource.spi.BusEventSink} takes them. */
  public static Map<String, EventFilter> filters(List<CalendarSpec> specs) {
    Map<String, EventFilter> filters = new LinkedHashMap<>();
    specs.stream().filter(s -> s.filter() != null).forEach(s -> filters.put(s.eventName(), s.filter()));
    return filters;
  }

  public CalendarSpec spec(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    ZoneId zone = zone(SpecFields.text(spec, "timezone", path), path + ".timezone");
    Schedule schedule = schedule(spec, path);
    ExclusionDates exclusions;
    try {
      exclusions = ExclusionDates.parse(SpecFields.strings(spec, "exclusionDates", path));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int end = message.indexOf(':');
      throw new EventSourceSpecException(path + ".exclusionDates" + message.substring(0, end), message.substring(end + 2));
    }
    JsonNode catchup = spec.path("persistence").path("catchup");
    boolean enabled = catchup.isObject() && SpecFields.bool(catchup, "enabled", path + ".persistence.catchup");
    Duration max = catchup.isObject() ? SpecFields.duration(catchup, "maxDuration", path + ".persistence.catchup") : null;
    if (max != null && (max.isNegative() || max.isZero())) {
      throw new EventSourceSpecException(path + ".persistence.catchup.maxDuration", "must be positive, e.g. 5m");
    }
    return new CalendarSpec(namespace, eventSource, eventName, schedule, zone, exclusions,
        SpecFields.metadata(spec, path), enabled, max, SpecFields.filter(spec, path));
  }

  private static Schedule schedule(JsonNode spec, String path) {
    String cron = SpecFields.text(spec, "schedule", path);
    if (cron != null) {
      try {
        return CronParser.parse(cron);
      } catch (IllegalArgumentException e) {
        throw new EventSourceSpecException(path + ".schedule", e.getMessage());
      }
    }
    Duration interval = SpecFields.duration(spec, "interval", path);
    if (interval == null) {
      throw new EventSourceSpecException(path, "needs a schedule (cron, e.g. \"30 * * * *\") or an interval (e.g. \"10s\")");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new EventSourceSpecException(path + ".interval", "must be at least 1s, got " + interval);
    }
    return new IntervalSchedule(interval);
  }

  /** Argo: an empty timezone is UTC. */
  private static ZoneId zone(String name, String path) {
    if (name == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new EventSourceSpecException(path, "unknown time zone '" + name + "'; use an IANA name like America/New_York");
    }
  }
}
