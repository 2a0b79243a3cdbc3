package io.quargo.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** robfig/cron v3 semantics, checked against times worked out by hand from robfig's rules. */
class CronScheduleTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static List<String> ticks(String spec, ZonedDateTime from, int n) {
    Schedule s = CronParser.parse(spec);
    List<String> out = new ArrayList<>();
    ZonedDateTime t = from;
    for (int i = 0; i < n; i++) {
      t = s.next(t);
      out.add(t.toOffsetDateTime().toString());
    }
    return out;
  }

  @Test
  void everyMinuteIsStrictlyAfterTheGivenTime() {
    assertThat(ticks("* * * * *", ZonedDateTime.of(2024, 1, 1, 10, 5, 0, 0, UTC), 2))
        .containsExactly("2024-01-01T10:06Z", "2024-01-01T10:07Z");
    assertThat(ticks("* * * * *", ZonedDateTime.of(2024, 1, 1, 10, 5, 30, 0, UTC), 1))
        .containsExactly("2024-01-01T10:06Z");
  }

  @Test
  void stepsRangesListsAndNames() {
    assertThat(ticks("*/15 9-10 * * MON-FRI", ZonedDateTime.of(2024, 1, 5, 10, 40, 0, 0, UTC), 3))
        .containsExactly("2024-01-05T10:45Z", "2024-01-08T09:00Z", "2024-01-08T09:15Z");
    assertThat(ticks("30 0 1 jan,jul *", ZonedDateTime.of(2024, 1, 1, 0, 30, 0, 0, UTC), 2))
        .containsExactly("2024-07-01T00:30Z", "2025-01-01T00:30Z");
    assertThat(ticks("5/20 * * * *", ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, UTC), 3))
        .containsExactly("2024-01-01T00:05Z", "2024-01-01T00:25Z", "2024-01-01T00:45Z");
  }

  @Test
  void dayOfMonthAndDayOfWeekAreOredWhenBothAreRestricted() {
    // the 13th or any Friday; 2024-09-06 is a Friday, 2024-09-13 a Friday the 13th
    assertThat(ticks("0 0 13 * 5", ZonedDateTime.of(2024, 9, 1, 0, 0, 0, 0, UTC), 3))
        .containsExactly("2024-09-06T00:00Z", "2024-09-13T00:00Z", "2024-09-20T00:00Z");
    // with dow '*', only the 13th
    assertThat(ticks("0 0 13 * *", ZonedDateTime.of(2024, 9, 1, 0, 0, 0, 0, UTC), 2))
        .containsExactly("2024-09-13T00:00Z", "2024-10-13T00:00Z");
  }

  @Test
  void descriptorsAndEvery() {
    assertThat(ticks("@hourly", ZonedDateTime.of(2024, 1, 1, 10, 5, 0, 0, UTC), 2))
        .containsExactly("2024-01-01T11:00Z", "2024-01-01T12:00Z");
    assertThat(ticks("@weekly", ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, UTC), 1))
        .containsExactly("2024-01-07T00:00Z");
    assertThat(ticks("@yearly", ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, UTC), 1))
        .containsExactly("2025-01-01T00:00Z");
    assertThat(ticks("@every 1m30s", ZonedDateTime.of(2024, 1, 1, 0, 0, 10, 500, UTC), 2))
        .containsExactly("2024-01-01T00:01:40Z", "2024-01-01T00:03:10Z");
  }

  @Test
  void springForwardSkipsTheMissingTimeAndFallBackFiresOnce() {
    // 2024-03-10 02:00 EST jumps to 03:00 EDT: 02:30 does not exist that day
    assertThat(ticks("30 2 * * *", ZonedDateTime.of(2024, 3, 9, 12, 0, 0, 0, NEW_YORK), 2))
        .containsExactly("2024-03-11T02:30-04:00", "2024-03-12T02:30-04:00");
    // 2024-11-03 01:30 happens twice (EDT then EST): one firing, at the first (robfig would fire twice)
    assertThat(ticks("30 1 * * *", ZonedDateTime.of(2024, 11, 3, 0, 0, 0, 0, NEW_YORK), 2))
        .containsExactly("2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00");
    // an hour-'*' schedule runs through the repeated hour
    assertThat(ticks("30 * * * *", ZonedDateTime.of(2024, 11, 3, 1, 0, 0, 0, NEW_YORK), 3))
        .containsExactly("2024-11-03T01:30-04:00", "2024-11-03T01:30-05:00", "2024-11-03T02:30-05:00");
    // hourly across the spring gap: 01:00 EST, then 03:00 EDT
    assertThat(ticks("0 * * * *", ZonedDateTime.of(2024, 3, 10, 0, 30, 0, 0, NEW_YORK), 3))
        .containsExactly("2024-03-10T01:00-05:00", "2024-03-10T03:00-04:00", "2024-03-10T04:00-04:00");
  }

  @Test
  void cronTzPrefixSetsTheZone() {
    assertThat(ticks("CRON_TZ=Asia/Tokyo 0 9 * * *", ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, UTC), 1))
        .containsExactly("2024-01-02T00:00Z"); // 09:00 in Tokyo on Jan 2nd; Jan 1st 09:00 JST is exactly from
  }

  @Test
  void impossibleDatesHaveNoNextTick() {
    assertThat(CronParser.parse("0 0 30 2 *").next(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, UTC))).isNull();
  }

  @Test
  void badExpressionsSayWhichFieldIsWrong() {
    assertThatThrownBy(() -> CronParser.parse("* * * *")).hasMessageContaining("expected 5 fields");
    assertThatThrownBy(() -> CronParser.parse("61 * * * *")).hasMessageStartingWith("minute field '61'");
    assertThatThrownBy(() -> CronParser.parse("* * * foo *")).hasMessageStartingWith("month field 'foo'");
    assertThatThrownBy(() -> CronParser.parse("* * * * 7")).hasMessageStartingWith("day-of-week field '7'");
    assertThatThrownBy(() -> CronParser.parse("@fortnightly")).hasMessageContaining("unknown descriptor");
    assertThatThrownBy(() -> CronParser.parse("TZ=Mars/Base * * * * *")).hasMessageContaining("unknown time zone");
    assertThatThrownBy(() -> CronParser.parse("*/0 * * * *")).hasMessageContaining("step must be a positive");
  }
}
