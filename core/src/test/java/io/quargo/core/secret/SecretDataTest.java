package io.quargo.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import org.junit.jupiter.api.Test;

class SecretDataTest {
  private static ObjectNode secret(String yamlData) {
    return (ObjectNode) Json.parse(("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}"
        + yamlData + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void stringDataIsEncodedIntoDataAndWinsOverTheSameKey() {
    ObjectNode admitted = SecretData.admit(secret(
        ",\"data\":{\"user\":\"YWRtaW4=\",\"token\":\"b2xk\"},\"stringData\":{\"token\":\"s3cr3t\"}"), "secret");
    assertThat(admitted.has("stringData")).isFalse();
    assertThat(admitted.path("data").path("user").asText()).isEqualTo("YWRtaW4=");
    assertThat(SecretData.value(admitted, "token")).isEqualTo("s3cr3t");
    assertThat(SecretData.value(admitted, "user")).isEqualTo("admin");
    assertThat(SecretData.value(admitted, "missing")).isNull();
  }

  @Test
  void aBadBase64ValueIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> SecretData.admit(secret(",\"data\":{\"ok\":\"b2s=\",\"token\":\"not base64!\"}"),
        "secret")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secret.data.token is not valid base64")
        .hasMessageContaining("stringData");
    assertThatThrownBy(() -> SecretData.admit(secret(",\"data\":{\"n\":5}"), "secret"))
        .hasMessageStartingWith("secret.data.n must be a base64 string");
    assertThatThrownBy(() -> SecretData.admit(secret(",\"data\":[1]"), "secret"))
        .hasMessageStartingWith("secret.data must be a map");
  }

  @Test
  void aRedactedSecretKeepsKeysNotValuesAndCannotBeReappliedAsIs() {
    ObjectNode stored = SecretData.admit(secret(",\"stringData\":{\"token\":\"s3cr3t\"}"), "secret");
    ObjectNode shown = SecretData.redact(stored);
    assertThat(shown.path("data").has("token")).isTrue();
    assertThat(shown.path("data").path("token").isNull()).isTrue();
    assertThat(shown.toString()).doesNotContain(SecretData.encode("s3cr3t")).doesNotContain("s3cr3t");
    assertThatThrownBy(() -> SecretData.admit(shown, "secret"))
        .hasMessageStartingWith("secret.data.token has no value");
  }

  @Test
  void aSecretWithoutDataIsStoredWithAnEmptyMap() {
    assertThat(SecretData.admit(secret(""), "secret").path("data").isEmpty()).isTrue();
  }
}
