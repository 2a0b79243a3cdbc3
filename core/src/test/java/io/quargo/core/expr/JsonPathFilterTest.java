package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathFilterTest {
  private static final String CONFIG = "{\"employees\": [{\"name\": \"Baris\", \"age\":43},{\"name\": \"Mo\","
      + " \"age\": 42}, {\"name\": \"Jai\", \"age\" :44}]}";

  private static Object eval(String path) {
    return Expr.eval("jsonpath(c, '" + path + "')", Map.of("c", CONFIG));
  }

  @Test
  void equalityOnAStringSelectsTheMatchingItems() {
    assertThat(eval("$.employees[?(@.name==\"Baris\")].age")).asList().singleElement()
        .satisfies(age -> assertThat(((Number) age).intValue()).isEqualTo(43));
  }

  @Test
  void andJoinsNumericComparisons() {
    assertThat(eval("$.employees[?(@.age>42 && @.age<44)].name")).asString().isEqualTo("[Baris]");
  }

  @Test
  void orAndExistenceAndNoMatch() {
    assertThat(eval("$.employees[?(@.name==\"Mo\" || @.age>=44)].name")).asString().isEqualTo("[Mo, Jai]");
    assertThat(eval("$.employees[?(@.age)].name")).asString().isEqualTo("[Baris, Mo, Jai]");
    assertThat(eval("$.employees[?(@.age > 100)]")).asString().isEqualTo("[]");
  }

  @Test
  void anOperandWithoutAtIsAClearError() {
    assertThatThrownBy(() -> eval("$.employees[?(name == 1)]")).hasMessageContaining("must start with @");
  }
}
