package io.quargo.workflow.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ArtifactRepository} must do; one subclass per implementation. */
abstract class ArtifactRepositoryContract {
  @TempDir
  Path work;

  /** A repository with nothing stored yet. */
  abstract ArtifactRepository repository();

  @Test
  void aFileSavedUnderAKeyComesBackByteForByte() throws Exception {
    ArtifactRepository repo = repository();
    byte[] data = new byte[300_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    Path file = Files.write(work.resolve("big.bin"), data);
    assertThat(repo.exists("wf/wf-main-1/big.tgz")).isFalse();
    repo.save("wf/wf-main-1/big.tgz", file);
    assertThat(repo.exists("wf/wf-main-1/big.tgz")).isTrue();
    assertThat(repo.exists("wf/wf-main-1")).as("a key prefix is not an artifact").isFalse();
    Path back = work.resolve("back.bin");
    repo.fetch("wf/wf-main-1/big.tgz", back);
    assertThat(Files.readAllBytes(back)).isEqualTo(data);
  }

  @Test
  void aDirectoryIsSavedAsATreeWithItsEmptyDirectories() throws Exception {
    ArtifactRepository repo = repository();
    Path dir = Files.createDirectories(work.resolve("tree/a/b"));
    Files.createDirectories(work.resolve("tree/empty"));
    Files.writeString(dir.resolve("leaf.txt"), "leaf");
    Files.writeString(work.resolve("tree/top.txt"), "top");
    repo.save("wf/pod/tree", work.resolve("tree"));
    assertThat(repo.exists("wf/pod/tree")).isTrue();
    Path back = work.resolve("back");
    repo.fetch("wf/pod/tree", back);
    assertThat(back.resolve("a/b/leaf.txt")).hasContent("leaf");
    assertThat(back.resolve("top.txt")).hasContent("top");
    assertThat(back.resolve("empty")).isEmptyDirectory();
  }

  @Test
  void savingAgainReplacesTheContent() throws Exception {
    ArtifactRepository repo = repository();
    repo.save("k/v.txt", Files.writeString(work.resolve("one"), "one"));
    repo.save("k/v.txt", Files.writeString(work.resolve("two"), "two"));
    repo.fetch("k/v.txt", work.resolve("back"));
    assertThat(work.resolve("back")).hasContent("two");
  }

  @Test
  void fetchingAMissingKeyIsArtifactNotFound() {
    ArtifactRepository repo = repository();
    assertThatThrownBy(() -> repo.fetch("wf/none/x.tgz", work.resolve("x")))
        .isInstanceOf(ArtifactNotFoundException.class)
        .hasMessageStartingWith("artifact 'wf/none/x.tgz' not found in ");
    assertThat(work.resolve("x")).doesNotExist();
  }

  @Test
  void theRecordedLocationLeadsBackToTheKey() {
    ArtifactRepository repo = repository();
    assertThat(repo.keyOf(repo.location("wf/pod/a.tgz"))).isEqualTo("wf/pod/a.tgz");
    assertThat(repo.keyOf(io.quargo.core.Json.object().put("name", "a"))).isNull();
  }

  @Test
  void keysThatEscapeOrAreEmptyAreRefused() {
    ArtifactRepository repo = repository();
    for (String bad : new String[] {"", "/abs", "a/../b", "a//b", "a/"}) {
      assertThatThrownBy(() -> repo.save(bad, work)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
