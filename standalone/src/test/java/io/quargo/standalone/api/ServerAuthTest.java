package io.quargo.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAuthTest {

  @Test
  void aNonLoopbackBindWithoutATokenRefusesToStart() {
    assertThatThrownBy(() -> ServerAuth.of("0.0.0.0", Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quarkus.http.host=0.0.0.0 is not a loopback address")
        .hasMessageContaining("QUARGO_SERVER_AUTH_TOKEN");
    assertThatThrownBy(() -> ServerAuth.of("10.1.2.3", Optional.of("  "))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void loopbackNeedsNoToken() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"}) {
      ServerAuth auth = ServerAuth.of(host, Optional.empty());
      assertThat(auth.required()).as(host).isFalse();
      assertThat(auth.allows(null)).isTrue();
    }
  }

  @Test
  void aTokenIsRequiredOnEveryAddressOnceSet() {
    ServerAuth auth = ServerAuth.of("0.0.0.0", Optional.of("abc"));
    assertThat(auth.required()).isTrue();
    assertThat(auth.allows("Bearer abc")).isTrue();
    assertThat(auth.allows("bearer abc")).isTrue();
    assertThat(auth.allows("Bearer abcd")).isFalse();
    assertThat(auth.allows("abc")).isFalse();
    assertThat(auth.allows(null)).isFalse();
    assertThat(ServerAuth.of("127.0.0.1", Optional.of("abc")).allows(null)).isFalse();
  }
}
