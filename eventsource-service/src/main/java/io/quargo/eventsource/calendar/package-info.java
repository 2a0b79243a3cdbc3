/**
 * The calendar EventSource ({@code spec.calendar}): {@link io.quargo.eventsource.calendar.CalendarSpecParser} reads
 * each entry into a {@link io.quargo.eventsource.calendar.CalendarSpec}, and a
 * {@link io.quargo.eventsource.calendar.CalendarAdapter} publishes one {@code calendar} event per tick.
 *
 * <p>As Argo: {@code schedule} is a five-field robfig/cron expression and wins over {@code interval} (a Go
 * duration, robfig's constant-delay schedule: next = now truncated to the second + interval); {@code timezone} is an
 * IANA name, empty = UTC; {@code exclusionDates} ({@code EXDATE:...}) skip ticks on that calendar day;
 * {@code persistence.catchup} replays ticks missed while nothing ran, no further back than {@code maxDuration};
 * {@code data = {eventTime: Go time.String() of the tick, metadata}}.
 *
 * <p>Ours: robfig's descriptors ({@code @hourly}, {@code @every 90s}, ...) and {@code CRON_TZ=} prefixes are
 * accepted (Argo's parser refuses them); a fixed-hour time repeated by a DST fall-back fires once (robfig fires
 * twice). The last fired tick of every event is kept in the KV bucket {@code eventsource-calendar} (Argo: a
 * ConfigMap, with catch-up only; {@code persistence.configMap} is accepted and ignored). Every replica may run
 * the adapter: a tick's event id is a hash of namespace/eventSource/eventName/tick, so JetStream's duplicate
 * window drops a second replica's publish, and the ledger (compare-and-set, forward only) stops a replica from
 * firing a tick already recorded; replicas with an {@code interval} follow the grid of whoever fired last. A
 * tick that cannot be published (bus down) is retried with doubling backoff and the later ticks wait for it, so
 * an outage delays events and loses none. Sub-second intervals are refused (Argo would spin).
 *
 * <p>Not yet: leader election (not needed for correctness here, but every replica evaluates the schedule), the
 * event's {@code time} is the tick rather than the publish time, metrics.
 */
package io.quargo.eventsource.calendar;
