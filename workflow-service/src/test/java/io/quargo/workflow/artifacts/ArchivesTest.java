package io.quargo.workflow.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
  @TempDir
  Path dir;

  private static JsonNode artifact(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void fileNamesFollowArgo() {
    assertThat(Archives.fileName(artifact("{\"name\":\"hello-art\",\"path\":\"/tmp/hello.txt\"}")))
        .isEqualTo("hello-art.tgz");
    assertThat(Archives.fileName(artifact("{\"name\":\"a\",\"path\":\"/tmp/x.txt\",\"archive\":{\"none\":{}}}")))
        .isEqualTo("x.txt");
    assertThat(Archives.fileName(artifact("{\"name\":\"a\",\"path\":\"/tmp/\",\"archive\":{\"none\":{}}}")))
        .isEqualTo("tmp");
    assertThat(Archives.fileName(artifact("{\"name\":\"a\",\"path\":\"/d\",\"archive\":{\"zip\":{}}}")))
        .isEqualTo("a.zip");
  }

  @Test
  void aTgzIsReadableByTheSystemTarWithTheBaseNameAsTopEntry() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("src/out/sub"));
    Files.writeString(tree.resolve("f.txt"), "content");
    String longName = "n".repeat(120);
    Files.writeString(tree.resolve(longName), "long");
    Path tgz = Archives.pack(artifact("{\"name\":\"out\",\"path\":\"/work/out\"}"), dir.resolve("src/out"),
        dir.resolve("scratch"));
    assertThat(tgz.getFileName().toString()).isEqualTo("out.tgz");
    Process p = new ProcessBuilder("tar", "tzf", tgz.toString()).redirectErrorStream(true).start();
    List<String> names = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(names.toString()).isZero();
    assertThat(names).contains("out/", "out/sub/", "out/sub/f.txt", "out/sub/" + longName);
  }

  @Test
  void unpackingPutsTheSingleTopEntryAtTheTarget() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("src/out/sub"));
    Files.writeString(tree.resolve("f.txt"), "content");
    Path tgz = Archives.pack(artifact("{\"name\":\"out\",\"path\":\"/work/out\"}"), dir.resolve("src/out"),
        dir.resolve("scratch"));
    Archives.unpack(tgz, dir.resolve("dest"));
    assertThat(dir.resolve("dest/sub/f.txt")).hasContent("content");
    Path file = Files.writeString(dir.resolve("one.txt"), "one");
    Path zip = Archives.pack(artifact("{\"name\":\"o\",\"path\":\"/x/one.txt\",\"archive\":{\"zip\":{}}}"), file,
        dir.resolve("scratch2"));
    Archives.unpack(zip, dir.resolve("one-back"));
    assertThat(dir.resolve("one-back")).hasContent("one");
  }

  @Test
  void anArchiveFromTheSystemTarWithSeveralTopEntriesBecomesADirectory() throws Exception {
    Path src = Files.createDirectories(dir.resolve("several"));
    Files.writeString(src.resolve("a"), "A");
    Files.writeString(src.resolve("b"), "B");
    Path tgz = dir.resolve("several.tgz");
    Process p = new ProcessBuilder("tar", "czf", tgz.toString(), "-C", src.toString(), "a", "b").start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    Archives.unpack(tgz, dir.resolve("out"));
    assertThat(dir.resolve("out/a")).hasContent("A");
    assertThat(dir.resolve("out/b")).hasContent("B");
  }

  @Test
  void compressionLevelZeroStillUnpacksAndPlainGzipIsLeftAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("h.txt"), "hello");
    Path tgz = Archives.pack(artifact("{\"name\":\"h\",\"path\":\"/t/h.txt\",\"archive\":{\"tar\":"
        + "{\"compressionLevel\":0}}}"), file, dir.resolve("s"));
    assertThat(Files.size(tgz)).isGreaterThan(512);
    Archives.unpack(tgz, dir.resolve("h-back"));
    assertThat(dir.resolve("h-back")).hasContent("hello");
    Path notTar = dir.resolve("x.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(notTar))) {
      out.write("just gzip".getBytes());
    }
    Archives.unpack(notTar, dir.resolve("x-back"));
    assertThat(dir.resolve("x-back")).isRegularFile();
    assertThat(Files.size(dir.resolve("x-back"))).isPositive();
  }

  @Test
  void anEntryEscapingTheTargetIsRefused() throws Exception {
    Path src = Files.createDirectories(dir.resolve("evil/inner"));
    Files.writeString(dir.resolve("evil/x"), "x");
    Path tgz = dir.resolve("evil.tgz");
    Process p = new ProcessBuilder("tar", "czf", tgz.toString(), "-P", "-C", src.toString(), "../x")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> Archives.unpack(tgz, dir.resolve("out")))
        .hasMessageContaining("points outside the directory");
  }
}
