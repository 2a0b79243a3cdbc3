package io.quargo.eventsource.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot diffs on a real directory name each fsnotify operation. */
class DirectorySnapshotTest {
  @TempDir
  Path dir;

  private List<String> changes(DirectorySnapshot before) throws Exception {
    return DirectorySnapshot.scan(dir).changesSince(before).stream()
        .map(c -> c.op() + " " + dir.relativize(c.path())).toList();
  }

  @Test
  void createOfAnEmptyAndOfAWrittenFile() throws Exception {
    DirectorySnapshot before = DirectorySnapshot.scan(dir);
    Files.createFile(dir.resolve("empty.txt"));
    Files.writeString(dir.resolve("x.txt"), "hello");
    assertThat(changes(before)).containsExactly("CREATE empty.txt", "CREATE x.txt", "WRITE x.txt");
  }

  @Test
  void writeChmodRenameAndRemoveAreToldApart() throws Exception {
    Files.writeString(dir.resolve("w.txt"), "1");
    Files.writeString(dir.resolve("c.txt"), "1");
    Files.writeString(dir.resolve("old.txt"), "1");
    Files.writeString(dir.resolve("gone.txt"), "1");
    DirectorySnapshot before = DirectorySnapshot.scan(dir);
    Files.writeString(dir.resolve("w.txt"), "22", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(dir.resolve("w.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    Files.setPosixFilePermissions(dir.resolve("c.txt"), PosixFilePermissions.fromString("rwx------"));
    Files.move(dir.resolve("old.txt"), dir.resolve("new.txt"));
    Files.delete(dir.resolve("gone.txt"));
    assertThat(changes(before)).containsExactly("REMOVE gone.txt", "RENAME old.txt", "CREATE new.txt",
        "CHMOD c.txt", "WRITE w.txt");
  }

  @Test
  void nothingChangedNothingReported() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "1");
    assertThat(changes(DirectorySnapshot.scan(dir))).isEmpty();
  }
}
