package io.quargo.eventbus.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {

  @Test
  void decodesDigestsInBothBase64Alphabets() throws Exception {
    // this input's digest has '+' / '/' style characters in standard base64
    byte[] digest = MessageDigest.getInstance("SHA-256").digest("chunk?".getBytes(StandardCharsets.UTF_8));
    String url = "SHA-256=" + Base64.getUrlEncoder().encodeToString(digest);
    String std = "SHA-256=" + Base64.getEncoder().encodeToString(digest);
    assertThat(ChunkReader.decodeDigest(url)).isEqualTo(digest);
    assertThat(ChunkReader.decodeDigest(std)).isEqualTo(digest);
  }
}
