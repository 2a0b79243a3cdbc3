package io.quargo.eventsource.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.expr.ExprException;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void evaluatesOnTheDataAsArgosFilteringDocShows() throws Exception {
    EventFilter filter = EventFilter.compile("body.id == 4 && body.name != 'Joe'");

    assertThat(filter.accepts(data("{\"body\": {\"id\": 4, \"name\": \"Ann\"}}"))).isTrue();
    assertThat(filter.accepts(data("{\"body\": {\"id\": 4, \"name\": \"Joe\"}}"))).isFalse();
    assertThat(filter.accepts(data("{\"body\": {\"id\": 5, \"name\": \"Ann\"}}"))).isFalse();
  }

  @Test
  void topLevelDashesBecomeUnderscoresAndSprigIsThere() throws Exception {
    EventFilter filter = EventFilter.compile("my_key == 'v' && sprig.upper(body.name) == 'ANN'");

    assertThat(filter.accepts(data("{\"my-key\": \"v\", \"body\": {\"name\": \"Ann\"}}"))).isTrue();
  }

  @Test
  void aNonBooleanResultIsAnError() throws Exception {
    EventFilter filter = EventFilter.compile("body.id");

    assertThatThrownBy(() -> filter.accepts(data("{\"body\": {\"id\": 4}}")))
        .isInstanceOf(ExprException.class).hasMessageContaining("must give a bool");
  }

  private static ObjectNode data(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }
}
