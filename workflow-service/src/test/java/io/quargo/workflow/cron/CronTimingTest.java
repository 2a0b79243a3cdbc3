package io.quargo.workflow.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.Json;
import io.quargo.workflow.engine.EngineException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronTimingTest {
  private static CronTiming timing(String json) {
    return new CronTiming(Json.parse(json.getBytes()));
  }

  @Test
  void theEarliestTickOfAllSchedulesInTheTimezoneWins() {
    CronTiming t = timing("{\"schedules\": [\"0 9 * * *\", \"30 8 * * *\"], \"timezone\": \"Europe/Paris\"}");
    // 2026-03-29 is the spring-forward day in Paris: 08:30 CEST = 06:30Z
    assertThat(t.next(Instant.parse("2026-03-29T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T06:30:00Z"));
    assertThat(t.next(Instant.parse("2026-03-28T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-28T07:30:00Z"));
  }

  @Test
  void aTickIsDueOnTimeAndAMissedOneOnlyWithinTheStartingDeadline() {
    CronTiming strict = timing("{\"schedule\": \"*/10 * * * *\"}");
    Instant last = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(strict.due(last, Instant.parse("2026-01-01T00:09:59Z"))).isNull();
    assertThat(strict.due(last, Instant.parse("2026-01-01T00:10:00Z"))).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
    assertThat(strict.due(last, Instant.parse("2026-01-01T00:15:00Z"))).as("missed, no deadline").isNull();
    CronTiming lenient = timing("{\"schedule\": \"*/10 * * * *\", \"startingDeadlineSeconds\": 600}");
    assertThat(lenient.due(last, Instant.parse("2026-01-01T00:25:00Z")))
        .as("only the latest missed tick runs").isEqualTo(Instant.parse("2026-01-01T00:20:00Z"));
    assertThat(lenient.due(Instant.parse("2026-01-01T00:20:00Z"), Instant.parse("2026-01-01T00:25:00Z"))).isNull();
  }

  @Test
  void badSchedulesAndZonesSayWhere() {
    assertThatThrownBy(() -> timing("{\"schedules\": [\"* * *\"]}")).isInstanceOf(EngineException.class)
        .hasMessageStartingWith("spec.schedules[0]:");
    assertThatThrownBy(() -> timing("{\"schedule\": \"@hourly\", \"timezone\": \"Mars/Base\"}"))
        .hasMessageContaining("spec.timezone");
    assertThatThrownBy(() -> timing("{}")).hasMessageContaining("at least one schedule");
  }
}
