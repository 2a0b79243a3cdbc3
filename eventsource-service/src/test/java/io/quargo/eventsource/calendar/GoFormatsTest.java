package io.quargo.eventsource.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's time.String() and iCalendar EXDATE lines (Go durations are core's, tested there). */
class GoFormatsTest {

  @Test
  void goTimeString() {
    assertThat(GoTimeFormat.format(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2024-01-01 00:00:00 +0000 UTC");
    assertThat(GoTimeFormat.format(ZonedDateTime.of(2024, 7, 4, 9, 5, 1, 0, ZoneId.of("America/New_York"))))
        .isEqualTo("2024-07-04 09:05:01 -0400 EDT");
    assertThat(GoTimeFormat.format(ZonedDateTime.of(2024, 1, 4, 9, 5, 1, 120_000_000, ZoneId.of("America/New_York"))))
        .isEqualTo("2024-01-04 09:05:01.12 -0500 EST");
  }

  @Test
  void exclusionDatesMatchTheDayOnly() {
    ExclusionDates ex = ExclusionDates.parse(List.of("EXDATE:20190102T150405Z", "EXDATE:20190602T160210Z,20190603"));
    assertThat(ex.days()).containsExactlyInAnyOrder(LocalDate.of(2019, 1, 2), LocalDate.of(2019, 6, 2),
        LocalDate.of(2019, 6, 3));
    assertThat(ex.excludes(ZonedDateTime.of(2019, 1, 2, 23, 59, 0, 0, ZoneOffset.UTC))).isTrue();
    assertThat(ex.excludes(ZonedDateTime.of(2019, 1, 3, 0, 0, 0, 0, ZoneOffset.UTC))).isFalse();
    assertThatThrownBy(() -> ExclusionDates.parse(List.of("EXDATE:20190102T150405Z", "2019-01-02")))
        .hasMessageStartingWith("[1]: '2019-01-02' must start with EXDATE:");
    assertThatThrownBy(() -> ExclusionDates.parse(List.of("EXDATE:tomorrow")))
        .hasMessageContaining("is not a date like 20190102T150405Z");
  }
}
