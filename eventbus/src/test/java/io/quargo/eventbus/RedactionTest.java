package io.quargo.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void hidesUserInfoOfEveryUrlAndKeepsTheRest() {
    assertThat(Redaction.urls("connected to nats://alice:s3cret@bus:4222,tls://tok@other:4222 ok"))
        .isEqualTo("connected to nats://***@bus:4222,tls://***@other:4222 ok");
  }

  @Test
  void leavesUrlsWithoutCredentialsAlone() {
    assertThat(Redaction.urls("nats://127.0.0.1:4222")).isEqualTo("nats://127.0.0.1:4222");
    assertThat(Redaction.urls(null)).isNull();
  }
}
