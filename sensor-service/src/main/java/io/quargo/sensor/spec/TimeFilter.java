package io.quargo.sensor.spec;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code filters.time}: the event time, read in {@code timezone} (UTC by default), must fall in
 * [start, stop); a stop before start means the window runs across midnight.
 */
public record TimeFilter(LocalTime start, LocalTime stop, ZoneId zone) {
}
