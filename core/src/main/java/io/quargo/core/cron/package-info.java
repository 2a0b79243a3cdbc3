/**
 * Schedules as robfig/cron v3 reads them (Argo Events calendar, Argo Workflows CronWorkflow): five fields, names,
 * steps, the day-of-month OR day-of-week rule, {@code @hourly}-style descriptors, {@code @every}, and
 * {@code CRON_TZ=}; next firing computed in a zone with DST. Difference: a fixed-hour time in a DST fall-back
 * hour fires once (robfig fires it twice).
 */
package io.quargo.core.cron;
