package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResultTailTest {
  @Test
  void trimsExactlyOneTrailingNewline() {
    ResultTail tail = new ResultTail();
    byte[] b = "a\n\n".getBytes(StandardCharsets.UTF_8);
    tail.append(b, 0, b.length);
    assertThat(tail.text()).isEqualTo("a\n");
  }

  @Test
  void keepsOnlyTheLastBytesAcrossManyWrites() {
    ResultTail tail = new ResultTail(10);
    for (char c = 'a'; c <= 'z'; c++) {
      byte[] b = {(byte) c, (byte) c, (byte) c};
      tail.append(b, 0, 3);
    }
    assertThat(tail.text()).isEqualTo("wxxxyyyzzz");
  }

  @Test
  void aWriteLargerThanTheCapKeepsItsEnd() {
    ResultTail tail = new ResultTail(4);
    byte[] b = "0123456789".getBytes(StandardCharsets.UTF_8);
    tail.append(b, 2, 8);
    assertThat(tail.text()).isEqualTo("6789");
  }
}
