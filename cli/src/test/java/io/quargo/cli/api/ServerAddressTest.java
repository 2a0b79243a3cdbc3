package io.quargo.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
  @Test
  void defaultsAndPrecedence() {
    assertThat(ServerAddress.resolve(null, null, null, Map.of()).base().toString()).isEqualTo("http://127.0.0.1:2746");
    assertThat(ServerAddress.resolve("h:1", null, null, Map.of("ARGO_SERVER", "e:2")).base().toString())
        .isEqualTo("http://h:1");
    assertThat(ServerAddress.resolve(null, false, null, Map.of("ARGO_SECURE", "true")).base().getScheme())
        .isEqualTo("http");
    assertThat(ServerAddress.resolve(null, null, null, Map.of("ARGO_BASE_HREF", "/argo/")).base().toString())
        .isEqualTo("http://127.0.0.1:2746/argo");
  }

  @Test
  void bareTokensGetTheBearerPrefix() {
    assertThat(ServerAddress.resolve(null, null, "abc", Map.of()).token()).isEqualTo("Bearer abc");
    assertThat(ServerAddress.resolve(null, null, null, Map.of("ARGO_TOKEN", "Bearer z")).token()).isEqualTo("Bearer z");
    assertThat(ServerAddress.resolve(null, null, null, Map.of()).token()).isNull();
  }
}
