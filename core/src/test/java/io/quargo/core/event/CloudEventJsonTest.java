package io.quargo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventJsonTest {

  private static final Instant TIME = Instant.parse("2024-05-01T10:15:30.123450000Z");

  @Test
  void decodesTheEventArgoPutsOnTheBus() {
    CloudEvent event = CloudEventJson.decode(fixture("argo-webhook-event.json"));

    assertThat(event.id()).isEqualTo("9b2f0a4c1d3e4f5a8b7c6d5e4f3a2b1c");
    assertThat(event.source()).isEqualTo("webhook");
    assertThat(event.type()).isEqualTo("webhook");
    assertThat(event.subject()).isEqualTo("example");
    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.time()).isEqualTo(TIME);
    assertThat(event.data().at("/body/message").textValue()).isEqualTo("hello");
    assertThat(event.data().at("/header/User-Agent/0").textValue()).isEqualTo("curl/8.5.0");
    assertThat(event.extensions()).isEmpty();
  }

  @Test
  void base64AndEmbeddedDataDecodeToTheSameEvent() {
    assertThat(CloudEventJson.decode(fixture("argo-webhook-event.json")))
        .isEqualTo(CloudEventJson.decode(fixture("argo-webhook-event-embedded.json")));
  }

  @Test
  void reEncodesArgoFixturesByteForByte() {
    byte[] argo = fixture("argo-webhook-event.json");
    byte[] embedded = fixture("argo-webhook-event-embedded.json");
    CloudEvent event = CloudEventJson.decode(argo);

    assertThat(new String(CloudEventJson.encode(event, CloudEventJson.DataEncoding.BASE64), StandardCharsets.UTF_8))
        .isEqualTo(new String(argo, StandardCharsets.UTF_8));
    assertThat(CloudEventJson.encodeToString(event)).isEqualTo(new String(embedded, StandardCharsets.UTF_8));
  }

  @Test
  void writesKeysInTheGoSdkOrderWithExtensionsLastByName() {
    CloudEvent event = sample()
        .withExtension("zeta", TextNode.valueOf("z"))
        .withExtension("dataschema", TextNode.valueOf("https://example.com/s.json"))
        .withExtension("alpha", IntNode.valueOf(1));

    List<String> keys = new ArrayList<>();
    Json.parse(CloudEventJson.encode(event)).fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactly("specversion", "id", "source", "type", "subject", "datacontenttype",
        "dataschema", "time", "data", "alpha", "zeta");
  }

  @Test
  void roundTripsEveryAttribute() {
    CloudEvent event = sample().withExtension("traceparent", TextNode.valueOf("00-abc-01"))
        .withExtension("attempt", IntNode.valueOf(2));

    assertThat(CloudEventJson.decode(CloudEventJson.encode(event))).isEqualTo(event);
    assertThat(CloudEventJson.decode(CloudEventJson.encode(event, CloudEventJson.DataEncoding.BASE64))).isEqualTo(event);
  }

  @Test
  void bytesThatAreNotJsonTravelAsDataBase64() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    CloudEvent event = sample().withData("image/png", BinaryNode.valueOf(png));

    JsonNode tree = Json.parse(CloudEventJson.encode(event));

    assertThat(tree.has("data")).isFalse();
    assertThat(tree.get("data_base64").textValue()).isEqualTo("iVBORwABAg==");
    CloudEvent back = CloudEventJson.decode(Json.bytes(tree));
    assertThat(back.data().isBinary()).isTrue();
    assertThat(CloudEventJson.dataBytes(back)).isEqualTo(png);
  }

  @Test
  void textDataWithATextTypeStaysAPlainString() {
    CloudEvent event = sample().withData("text/plain", TextNode.valueOf("hello"));

    assertThat(Json.parse(CloudEventJson.encode(event)).get("data").textValue()).isEqualTo("hello");
    assertThat(CloudEventJson.dataBytes(event)).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(CloudEventJson.decode(CloudEventJson.encode(event, CloudEventJson.DataEncoding.BASE64)).data())
        .isEqualTo(BinaryNode.valueOf("hello".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eventWithoutOptionalAttributesHasOnlyTheRequiredKeys() {
    CloudEvent event = new CloudEvent("1", "es", null, "calendar", null, null, null, null, null);

    assertThat(CloudEventJson.encodeToString(event))
        .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"es\",\"type\":\"calendar\"}");
    assertThat(CloudEventJson.decode(CloudEventJson.encode(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @ValueSource(strings = {"specversion", "id", "source", "type"})
  void missingRequiredAttributeIsNamed(String attribute) {
    ObjectNode tree = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    tree.remove(attribute);

    assertThatThrownBy(() -> CloudEventJson.decode(tree))
        .isInstanceOf(InvalidCloudEventException.class)
        .hasMessageContaining("missing the required attribute '" + attribute + "'")
        .extracting(e -> ((InvalidCloudEventException) e).attribute()).isEqualTo(attribute);
  }

  @Test
  void emptyIdIsRejected() {
    ObjectNode tree = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    tree.put("id", "");

    assertThatThrownBy(() -> CloudEventJson.decode(tree)).hasMessageContaining("'id'");
  }

  @Test
  void illTypedAttributesAreNamed() {
    ObjectNode tree = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    tree.put("source", 42);
    assertThatThrownBy(() -> CloudEventJson.decode(tree)).hasMessageContaining("'source' must be a string");

    ObjectNode badTime = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    badTime.put("time", "yesterday");
    assertThatThrownBy(() -> CloudEventJson.decode(badTime)).hasMessageContaining("'time'").hasMessageContaining("yesterday");
  }

  @Test
  void rejectsOtherSpecVersionsBothDataFormsAndNonObjects() {
    ObjectNode old = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    old.put("specversion", "0.3");
    assertThatThrownBy(() -> CloudEventJson.decode(old)).hasMessageContaining("specversion '0.3'");

    ObjectNode both = (ObjectNode) Json.parse(fixture("argo-webhook-event-embedded.json"));
    both.put("data_base64", "e30=");
    assertThatThrownBy(() -> CloudEventJson.decode(both)).hasMessageContaining("both 'data' and 'data_base64'");

    assertThatThrownBy(() -> CloudEventJson.decode("[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> CloudEventJson.decode("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void acceptsTimeWithAnOffsetAndKeepsTheInstant() {
    ObjectNode tree = (ObjectNode) Json.parse(fixture("argo-webhook-event.json"));
    tree.put("time", "2024-05-01T12:15:30.12345+02:00");

    assertThat(CloudEventJson.decode(tree).time()).isEqualTo(TIME);
  }

  @Test
  void jsonMediaTypesFollowTheGoSdk() {
    assertThat(CloudEventJson.isJson(null)).isTrue();
    assertThat(CloudEventJson.isJson("application/json; charset=utf-8")).isTrue();
    assertThat(CloudEventJson.isJson("Text/JSON")).isTrue();
    assertThat(CloudEventJson.isJson("application/cloudevents+json")).isTrue();
    assertThat(CloudEventJson.isJson("text/plain")).isFalse();
  }

  private static CloudEvent sample() {
    ObjectNode data = Json.object();
    data.put("message", "hello");
    data.putArray("tags").add("a").add(2);
    return CloudEvent.builder().id("0123456789abcdef0123456789abcdef").source("my-es").type("webhook")
        .subject("example").time(TIME).data(data).build();
  }

  private static byte[] fixture(String name) {
    try (InputStream in = CloudEventJsonTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
