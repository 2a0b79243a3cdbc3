package io.quargo.core.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.text.GoDuration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sprig registry called directly, as expr-lang's sprig.* will call it. */
class SprigTest {
  private final Sprig sprig = Sprig.withClock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));

  @Test
  void stringFunctionsFollowSprigArgumentOrder() {
    assertThat(sprig.call("trimPrefix", "-", "-x")).isEqualTo("x");
    assertThat(sprig.call("replace", "a", "b", "banana")).isEqualTo("bbnbnb");
    assertThat(sprig.call("contains", "an", "banana")).isEqualTo(true);
    assertThat(sprig.call("splitList", ",", "a,b,,c")).isEqualTo(List.of("a", "b", "", "c"));
    assertThat(sprig.call("split", ",", "a,b")).isEqualTo(Map.of("_0", "a", "_1", "b"));
    assertThat(sprig.call("join", "-", List.of("a", 1L, 2.5))).isEqualTo("a-1-2.5");
  }

  @Test
  void javaScalarsAreAcceptedAsGoKinds() {
    assertThat(sprig.call("repeat", 2, "ab")).isEqualTo("abab");
    assertThat(sprig.call("add1", 1.5f)).isEqualTo(2L);
    Map<String, Object> m = new java.util.HashMap<>();
    sprig.call("set", m, "k", 1);
    assertThat(m).containsEntry("k", 1L);
  }

  @Test
  void integerMathIsInt64AndFloatMathIsFloat64() {
    assertThat(sprig.call("add", 1L, 2.9, "3")).isEqualTo(6L);
    assertThat(sprig.call("div", 7L, 2L)).isEqualTo(3L);
    assertThat(sprig.call("divf", 7L, 2L)).isEqualTo(3.5);
    assertThat(sprig.call("max", 1L, 9L, 3L)).isEqualTo(9L);
    assertThat(sprig.call("round", 2.675, 2L)).isEqualTo(2.68);
    assertThat(sprig.call("int64", "0x10")).isEqualTo(16L);
    assertThat(sprig.call("int", "5.0")).isEqualTo(5L);
  }

  @Test
  void failuresNameTheFunction() {
    assertThatThrownBy(() -> sprig.call("div", 1L, 0L))
        .isInstanceOf(SprigException.class)
        .hasMessage("error calling div: runtime error: integer divide by zero")
        .extracting(e -> ((SprigException) e).function()).isEqualTo("div");
    assertThatThrownBy(() -> sprig.call("upper"))
        .isInstanceOf(SprigException.class).hasMessage("wrong number of args for upper: want 1 got 0");
    assertThatThrownBy(() -> sprig.call("upper", 1L))
        .isInstanceOf(SprigException.class).hasMessage("wrong type for value; expected string; got int");
    assertThatThrownBy(() -> sprig.call("nosuch"))
        .isInstanceOf(SprigException.class).hasMessageContaining("not defined");
    assertThatThrownBy(() -> sprig.call("first", (Object) null))
        .isInstanceOf(SprigException.class).hasMessageContaining("nil pointer");
  }

  @Test
  void pathologicalRegexFailsInsteadOfHanging() {
    assertThatThrownBy(() -> sprig.call("regexMatch", "(.*a){25}", "a".repeat(24) + "b"))
        .isInstanceOf(SprigException.class).hasMessageContaining("too expensive");
  }

  @Test
  void goRegexpReplacementSyntax() {
    assertThat(sprig.call("regexReplaceAll", "(\\w+)@(\\w+)", "me@host", "${2}:$1$$")).isEqualTo("host:me$");
    assertThat(sprig.call("regexReplaceAll", "(x)", "x", "$1y")).isEqualTo("");
  }

  @Test
  void sizeBoundsStopRunawayResults() {
    assertThatThrownBy(() -> sprig.call("repeat", 100_000_000L, "ab"))
        .isInstanceOf(SprigException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> sprig.call("until", 100_000_000L))
        .isInstanceOf(SprigException.class).hasMessageContaining("exceeds");
  }

  @Test
  void datesUseGoLayouts() {
    GoTime t = (GoTime) sprig.call("toDate", "2006-01-02 15:04:05 -0700", "2021-03-04 05:06:07 +0200");
    assertThat(t.unixSeconds()).isEqualTo(1614827167L);
    assertThat(sprig.call("date", "Jan _2 03:04:05.000 PM", t)).isEqualTo("Mar  4 03:06:07.000 AM");
    assertThat(sprig.call("dateInZone", "2006-01-02T15:04:05Z07:00", t, "UTC")).isEqualTo("2021-03-04T03:06:07Z");
    assertThat(sprig.call("ago", GoTime.unix(1714979289L - 3725))).isEqualTo("1h2m5s");
    assertThat(sprig.call("duration", 86400L)).isEqualTo("24h0m0s");
  }

  @Test
  void goDurationFormatAndParse() {
    assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(GoDuration.format(1_500_000L)).isEqualTo("1.5ms");
    assertThat(GoDuration.format(1_500L)).isEqualTo("1.5µs");
    assertThat(GoDuration.format(-61_000_000_000L)).isEqualTo("-1m1s");
    assertThat(GoDuration.parse("1h30m")).isEqualTo(5_400_000_000_000L);
    assertThat(GoDuration.parse("-1.5h")).isEqualTo(-5_400_000_000_000L);
    assertThatThrownBy(() -> GoDuration.parse("1x")).hasMessage("time: unknown unit \"x\" in duration \"1x\"");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("time: invalid duration \"\"");
    assertThat(GoDuration.parse(".5s")).isEqualTo(500_000_000L);
    assertThat(GoDuration.parse("1.s")).isEqualTo(1_000_000_000L);
  }

  @Test
  void floatsPrintAsGoPrintsThem() {
    assertThat(GoPrint.formatFloat(1e21, 'g', -1)).isEqualTo("1e+21");
    assertThat(GoPrint.formatFloat(123456.0, 'g', -1)).isEqualTo("123456");
    assertThat(GoPrint.formatFloat(1234567.0, 'g', -1)).isEqualTo("1.234567e+06");
    assertThat(GoPrint.formatFloat(0.1 + 0.2, 'g', -1)).isEqualTo("0.30000000000000004");
    assertThat(GoPrint.formatFloat(-0.0, 'g', -1)).isEqualTo("-0");
    assertThat(GoPrint.formatFloat(Double.NaN, 'g', -1)).isEqualTo("NaN");
    assertThat(GoPrint.formatFloat(Double.NEGATIVE_INFINITY, 'g', -1)).isEqualTo("-Inf");
    assertThat(GoPrint.formatFloat(2.5, 'f', 0)).isEqualTo("2");
    assertThat(GoPrint.formatFloat(1.0, 'e', 2)).isEqualTo("1.00e+00");
  }

  @Test
  void valuesPrintAsFmtV() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("b", List.of(1L, "x"));
    m.put("a", null);
    assertThat(GoPrint.value(m)).isEqualTo("map[a:<nil> b:[1 x]]");
    assertThat(GoPrint.quote("é\u0001\u2028")).isEqualTo("\"é\\x01\\u2028\"");
  }

  @Test
  void normalizeTurnsJavaNumbersIntoGoKinds() {
    assertThat(GoValues.normalize(Map.of("i", 1, "f", 1.5f, "l", List.of((short) 2))))
        .isEqualTo(Map.of("i", 1L, "f", 1.5, "l", List.of(2L)));
  }

  @Test
  void jsonEncodingMatchesEncodingJson() {
    assertThat(sprig.call("toJson", Map.of("b", 1.0, "a", List.of("<x>")))).isEqualTo("{\"a\":[\"\\u003cx\\u003e\"],\"b\":1}");
    assertThat(sprig.call("toJson", Double.NaN)).isEqualTo("");
    assertThatThrownBy(() -> sprig.call("mustToJson", Double.NaN)).isInstanceOf(SprigException.class);
  }

  @Test
  void everyRequiredFamilyIsRegistered() {
    assertThat(sprig.names()).contains("trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "title",
        "untitle", "repeat", "substr", "nospace", "trunc", "abbrev", "initials", "contains", "hasPrefix",
        "hasSuffix", "quote", "squote", "cat", "indent", "nindent", "replace", "plural", "snakecase", "camelcase",
        "kebabcase", "swapcase", "wrap", "splitList", "split", "join", "sortAlpha", "list", "first", "rest", "last",
        "initial", "append", "prepend", "concat", "reverse", "uniq", "without", "has", "compact", "slice", "until",
        "untilStep", "seq", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit", "values",
        "merge", "deepCopy", "add", "add1", "sub", "div", "mod", "mul", "max", "min", "floor", "ceil", "round",
        "int", "int64", "float64", "atoi", "now", "date", "dateInZone", "toDate", "unixEpoch", "dateModify",
        "duration", "ago", "b64enc", "b64dec", "b32enc", "b32dec", "toJson", "toPrettyJson", "toRawJson",
        "fromJson", "sha256sum", "sha1sum", "adler32sum", "regexMatch", "regexFindAll", "regexFind",
        "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit", "regexQuoteMeta", "default", "empty",
        "coalesce", "ternary", "fail", "toString", "toStrings", "typeOf", "kindOf", "uuidv4");
  }
}
