package io.quargo.eventsource.calendar;

import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.core.cron.CronSchedule;
import io.quargo.core.cron.IntervalSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarSpecParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Resource eventSource(String calendarJson) throws Exception {
    return Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource",
         "metadata": {"name": "cal", "namespace": "team-a"}, "spec": {"calendar": %s}}
        """.formatted(calendarJson)));
  }

  @Test
  void theUpstreamExampleAndEveryCommentedVariantParse() throws Exception {
    List<CalendarSpec> written = new CalendarSpecParser().parse(UpstreamExamples.asWritten("calendar.yaml"));
    assertThat(written).singleElement().satisfies(s -> {
      assertThat(s.eventName()).isEqualTo("example-with-interval");
      assertThat(s.schedule()).isEqualTo(new IntervalSchedule(Duration.ofSeconds(10)));
      assertThat(s.namespace()).isEqualTo("default");
      assertThat(s.zone()).isEqualTo(ZoneOffset.UTC);
    });
    List<CalendarSpec> all = new CalendarSpecParser().parse(UpstreamExamples.withCommentedVariants("calendar.yaml"));
    assertThat(all).extracting(CalendarSpec::eventName).containsExactly("example-with-interval",
        "example-with-catchup", "example-with-schedule", "schedule-with-static-user-payload",
        "schedule-in-specific-timezone", "schedule-with-exclusion-dates");
    assertThat(all.get(1).catchup()).isTrue();
    assertThat(all.get(1).maxCatchup()).isEqualTo(Duration.ofMinutes(5));
    assertThat(all.get(2).schedule()).hasToString("30 * * * *");
    assertThat(all.get(3).metadata()).isEqualTo(Map.of("hello", "world"));
    assertThat(all.get(4).zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(all.get(5).exclusions().days()).hasSize(2);
  }

  @Test
  void scheduleWinsOverInterval() throws Exception {
    CalendarSpec spec = new CalendarSpecParser()
        .parse(eventSource("{\"e\": {\"schedule\": \"@hourly\", \"interval\": \"10s\"}}")).get(0);
    assertThat(spec.schedule()).isInstanceOf(CronSchedule.class);
    assertThat(spec.key()).isEqualTo("team-a.cal.e");
  }

  @Test
  void errorsNameThePathAndTheFix() {
    assertError("{\"e\": {}}", "spec.calendar.e: needs a schedule (cron, e.g. \"30 * * * *\") or an interval");
    assertError("{\"e\": {\"schedule\": \"61 * * * *\"}}", "spec.calendar.e.schedule: minute field '61'");
    assertError("{\"e\": {\"interval\": \"10\"}}", "spec.calendar.e.interval: '10' is not a Go duration");
    assertError("{\"e\": {\"interval\": \"500ms\"}}", "spec.calendar.e.interval: must be at least 1s");
    assertError("{\"e\": {\"interval\": 10}}", "spec.calendar.e.interval: must be a string, got number");
    assertError("{\"e\": {\"interval\": \"1s\", \"timezone\": \"Mars/Base\"}}",
        "spec.calendar.e.timezone: unknown time zone 'Mars/Base'");
    assertError("{\"e\": {\"interval\": \"1s\", \"exclusionDates\": [\"EXDATE:20190102T150405Z\", \"x\"]}}",
        "spec.calendar.e.exclusionDates[1]: 'x' must start with EXDATE:");
    assertError("{\"e\": {\"interval\": \"1s\", \"persistence\": {\"catchup\": {\"enabled\": \"yes\"}}}}",
        "spec.calendar.e.persistence.catchup.enabled: must be true or false, got 'yes'");
    assertError("{\"e\": {\"interval\": \"1s\", \"persistence\": {\"catchup\": {\"maxDuration\": \"5\"}}}}",
        "spec.calendar.e.persistence.catchup.maxDuration: '5' is not a Go duration");
    assertError("{\"e\": {\"interval\": \"1s\", \"metadata\": {\"a\": {}}}}", "spec.calendar.e.metadata.a: must be a string");
    assertError("{\"e\": {\"interval\": \"1s\", \"filter\": {\"expression\": \"(\"}}}",
        "spec.calendar.e.filter.expression: does not compile");
    assertError("[]", "spec.calendar: must be a map of event name to calendar source, got array");
    assertError("{\"e\": 3}", "spec.calendar.e: must be an object, got number");
  }

  private static void assertError(String calendarJson, String start) {
    assertThatThrownBy(() -> new CalendarSpecParser().parse(eventSource(calendarJson)))
        .isInstanceOf(EventSourceSpecException.class).hasMessageStartingWith(start);
  }
}
