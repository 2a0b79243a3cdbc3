package io.quargo.sensor.spec;

import com.cronutils.model.Cron;
import java.time.ZoneId;

/** {@code conditionsReset[].byTime}: at each cron time (read in {@code zone}) the saved dependencies are dropped. */
public record ConditionsReset(String where, String cronText, Cron cron, ZoneId zone) {
}
