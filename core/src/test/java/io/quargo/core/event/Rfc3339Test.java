package io.quargo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

  @ParameterizedTest
  @CsvSource({
      "2024-05-01T10:15:30Z,            2024-05-01T10:15:30Z",
      "2024-05-01T10:15:30.100Z,        2024-05-01T10:15:30.1Z",
      "2024-05-01T10:15:30.123456789Z,  2024-05-01T10:15:30.123456789Z",
      "2024-05-01T10:15:30.000000010Z,  2024-05-01T10:15:30.00000001Z",
      "0001-01-01T00:00:00Z,            0001-01-01T00:00:00Z"})
  void formatsLikeGoRfc3339Nano(String instant, String go) {
    assertThat(Rfc3339.format(Instant.parse(instant))).isEqualTo(go);
    assertThat(Rfc3339.parse(go)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource({
      "2024-02-29T23:59:59.9Z,      2024-02-29T23:59:59.900Z",
      "2024-05-01T10:15:30.000001Z, 2024-05-01T10:15:30.000001Z",
      "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999999Z",
      "2024-05-01T12:15:30+02:00,   2024-05-01T10:15:30Z",
      "2024-05-01t10:15:30.5z,      2024-05-01T10:15:30.5Z",
      "2024-05-01T05:15:30.25-05:00, 2024-05-01T10:15:30.25Z"})
  void parsesAnyOffset(String text, String instant) {
    assertThat(Rfc3339.parse(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01", "2024-05-01T10:15:30", "2024-05-01 10:15:30Z", "2024-13-01T10:15:30Z", "",
      "2024-05-01T10:15:30.Z", "2024-05-01T10:15:30.1234567890Z",
      "2024-05-01T10:15:3aZ", "2024-05-01T10:15:30,5Z", "+024-05-01T10:15:30Z"})
  void rejectsWhatIsNotRfc3339(String text) {
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 3339");
  }
}
