package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMapTest {
  private final ImageMap map = ImageMap.builtIn();

  @Test
  void normalisesRegistryLibraryDigestAndTag() {
    assertThat(ImageMap.normalise("busybox")).isEqualTo("busybox:latest");
    assertThat(ImageMap.normalise("docker.io/library/alpine:3.23")).isEqualTo("alpine:3.23");
    assertThat(ImageMap.normalise("quay.io/argoproj/argosay:v2@sha256:abc")).isEqualTo("argoproj/argosay:v2");
    assertThat(ImageMap.normalise("localhost:5000/team/app")).isEqualTo("team/app:latest");
    assertThat(ImageMap.normalise(" ")).isNull();
  }

  @Test
  void mapsTheImagesOfTheUpstreamExamples() {
    assertThat(map.lookup("argoproj/argosay:v2").orElseThrow().entrypoint()).containsExactly("argosay");
    assertThat(map.lookup("argoproj/argosay:v1").orElseThrow().cmd()).containsExactly("cowsay");
    assertThat(map.lookup("docker/whalesay").orElseThrow().entrypoint()).containsExactly("cowsay");
    assertThat(map.lookup("python:alpine3.23").orElseThrow().cmd()).containsExactly("python3");
    assertThat(map.lookup("busybox").orElseThrow().cmd()).containsExactly("sh");
    assertThat(map.lookup("alpine:3.23").orElseThrow().cmd()).containsExactly("/bin/sh");
    assertThat(map.lookup("ubuntu:22.04").orElseThrow().cmd()).containsExactly("bash");
    assertThat(map.lookup("my.registry/private/thing:1")).isEmpty();
    assertThat(map.lookup("busyboxes:1")).isEmpty();
  }

  @Test
  void aUserMapWinsOverTheShippedOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("images.tsv");
    Files.writeString(file, "# mine\nbusybox:*\t[\"echo\"]\t[\"from-user\"]\n");
    ImageMap withMine = ImageMap.withOverrides(file);
    assertThat(withMine.lookup("busybox").orElseThrow().cmd()).isEqualTo(List.of("from-user"));
    assertThat(withMine.lookup("alpine").orElseThrow().cmd()).containsExactly("/bin/sh");
  }

  @Test
  void aMalformedRowNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "# c\nbusybox:*\tsh\t[]\n");
    assertThatThrownBy(() -> ImageMap.withOverrides(file))
        .hasMessageContaining("bad.tsv:2 entrypoint")
        .hasMessageContaining("JSON array");
  }
}
