package io.quargo.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MeteredCharsTest {

  @Test
  void ordinaryMatchesStayWithinBudget() {
    MeteredChars input = new MeteredChars("order-123", MeteredChars.budget(1_000, IllegalStateException::new));
    assertThat(Pattern.compile("^order-\\d+$").matcher(input).find()).isTrue();
  }

  @Test
  void catastrophicBacktrackingIsStopped() {
    MeteredChars input = new MeteredChars("a".repeat(40) + "!",
        MeteredChars.budget(100_000, () -> new IllegalStateException("too expensive")));
    assertThatThrownBy(() -> Pattern.compile("(.*a){12}b").matcher(input).find())
        .isInstanceOf(IllegalStateException.class).hasMessage("too expensive");
  }

  @Test
  void subSequencesShareTheBudget() {
    MeteredChars input = new MeteredChars("abcdef", MeteredChars.budget(3, IllegalStateException::new));
    CharSequence tail = input.subSequence(2, 6);
    tail.charAt(0);
    tail.charAt(1);
    input.charAt(0);
    assertThatThrownBy(() -> tail.charAt(2)).isInstanceOf(IllegalStateException.class);
  }
}
