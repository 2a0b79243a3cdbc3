package io.quargo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventTest {

  @Test
  void builderFillsArgoDefaults() {
    CloudEvent event = CloudEvent.builder().source("my-es").type("webhook").subject("example").build();

    assertThat(event.id()).matches("[0-9a-f]{32}");
    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.time()).isNotNull();
  }

  @Test
  void idsAreTheHexOfTheUuidBytes() {
    UUID uuid = UUID.fromString("00000000-0000-0001-0a0b-0c0d0e0f1011");

    assertThat(CloudEventIds.of(uuid)).isEqualTo("00000000000000010a0b0c0d0e0f1011");
    assertThat(CloudEventIds.newId()).matches("[0-9a-f]{32}").isNotEqualTo(CloudEventIds.newId());
  }

  @Test
  void requiredAttributesAreNamedWhenMissing() {
    assertThatThrownBy(() -> CloudEvent.builder().type("webhook").build())
        .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("'source'");
    assertThatThrownBy(() -> CloudEvent.builder().source("es").build()).hasMessageContaining("'type'");
    assertThatThrownBy(() -> CloudEvent.builder().source("es").type("t").id(null).build()).hasMessageContaining("'id'");
  }

  @Test
  void extensionsAreValidatedAndSorted() {
    CloudEvent event = CloudEvent.builder().source("es").type("t")
        .extension("zz", TextNode.valueOf("1")).extension("aa", TextNode.valueOf("2")).build();
    assertThat(event.extensions().keySet()).containsExactly("aa", "zz");

    assertThatThrownBy(() -> event.withExtension("TraceParent", TextNode.valueOf("x")))
        .hasMessageContaining("lower-case letters or digits");
    assertThatThrownBy(() -> new CloudEvent("1", "es", "1.0", "t", null, null, null, null,
        Map.of("subject", TextNode.valueOf("x")))).hasMessageContaining("core attribute");
    assertThatThrownBy(() -> new CloudEvent("1", "es", "1.0", "t", null, null, null, null,
        Map.of("nested", Json.object()))).hasMessageContaining("string, number or boolean");
  }

  @Test
  void extensionsMapCannotBeChangedFromOutside() {
    CloudEvent event = CloudEvent.builder().source("es").type("t").extension("a", TextNode.valueOf("1")).build();

    assertThatThrownBy(() -> event.extensions().put("b", TextNode.valueOf("2")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
