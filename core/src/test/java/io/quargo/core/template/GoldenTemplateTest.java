package io.quargo.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.Json;
import io.quargo.core.sprig.Sprig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden table in template/golden.txt, written from the Go text/template and sprig docs. Each
 * line: template ⟫ JSON data ⟫ expected output, or "!" and a substring of the expected error.
 */
class GoldenTemplateTest {
  static final TemplateOptions OPTIONS = TemplateOptions.DEFAULT.withSprig(
      Sprig.withClock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC)));

  record Case(int line, String template, String data, String expected) {
    @Override public String toString() {
      return line + ": " + template;
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = GoldenTemplateTest.class.getResourceAsStream("/template/golden.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isEmpty() || line.startsWith("#")) continue;
        int a = line.indexOf(" ⟫ ");
        int b = line.indexOf(" ⟫ ", a + 3);
        if (a < 0 || b < 0) throw new IllegalStateException("malformed golden line " + (i + 1) + ": " + line);
        out.add(new Case(i + 1, unescape(line.substring(0, a)), line.substring(a + 3, b).trim(),
            unescape(line.substring(b + 3))));
      }
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("⏎", "\n").replace("⇥", "\t");
  }

  @Test
  void tableHasAtLeast300Cases() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden(Case c) {
    Object data = Json.parse((c.data().isEmpty() ? "{}" : c.data()).getBytes(StandardCharsets.UTF_8));
    if (c.expected().startsWith("!")) {
      String reason = c.expected().substring(1);
      assertThatThrownBy(() -> Template.parse("t", c.template(), OPTIONS).execute(data))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining(reason);
    } else {
      assertThat(Template.parse("t", c.template(), OPTIONS).execute(data)).isEqualTo(c.expected());
    }
  }
}
