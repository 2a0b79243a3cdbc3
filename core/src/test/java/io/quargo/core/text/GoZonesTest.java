package io.quargo.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Runs on JDK 17 and 25 alike: their default zone-name data differ (CLDR). */
class GoZonesTest {
  private static final ZonedDateTime SUMMER = ZonedDateTime.of(2023, 8, 14, 0, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @Test
  void regionsPrintTheirAbbreviation() {
    assertThat(GoZones.name(SUMMER)).isEqualTo("CEST");
    assertThat(GoZones.name(SUMMER.withZoneSameInstant(ZoneId.of("America/New_York")))).isEqualTo("EDT");
  }

  @Test
  void offsetsAndUtcAsGoPrintsThem() {
    assertThat(GoZones.name(SUMMER.withZoneSameInstant(ZoneOffset.ofHours(2)))).isEqualTo("+0200");
    assertThat(GoZones.name(SUMMER.withZoneSameInstant(ZoneOffset.UTC))).isEqualTo("UTC");
    assertThat(GoZones.name(SUMMER.withZoneSameInstant(ZoneId.of("UTC")))).isEqualTo("UTC");
  }
}
