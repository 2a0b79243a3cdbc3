package io.quargo.eventsource.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The entries of one directory (not recursive, as fsnotify) with what tells their changes apart: identity (inode),
 * modification time and size, permissions. Diffing two snapshots yields fsnotify's operations, including RENAME
 * (same inode under a new name) and CHMOD, which Java's WatchService cannot tell apart.
 */
public final class DirectorySnapshot {
  record Entry(Object fileKey, FileTime modified, long size, String permissions) {}

  private final Path directory;
  private static final int MAX_SCANS = 5;

  private final Map<String, Entry> entries;

  private DirectorySnapshot(Path directory, Map<String, Entry> entries) {
    this.directory = directory;
    this.entries = entries;
  }

  /**
   * Lists the directory. An entry that vanishes between listing and reading was removed or renamed mid-scan; the
   * scan is repeated (a few times) so a rename is not split into a REMOVE now and a CREATE in the next scan.
   */
  public static DirectorySnapshot scan(Path directory) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Map<String, Entry> entries = new TreeMap<>();
      boolean vanished = false;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
        for (Path file : files) {
          try {
            entries.put(file.getFileName().toString(), entry(file));
          } catch (NoSuchFileException gone) {
            vanished = true;
          }
        }
      }
      if (!vanished || attempt == MAX_SCANS) {
        return new DirectorySnapshot(directory, entries);
      }
    }
  }

  private static Entry entry(Path file) throws IOException {
    try {
      PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new Entry(a.fileKey(), a.lastModifiedTime(), a.size(), a.permissions().toString());
    } catch (UnsupportedOperationException notPosix) {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new Entry(a.fileKey(), a.lastModifiedTime(), a.size(), "");
    }
  }

  /** What happened between {@code before} and this snapshot, in fsnotify's terms, removals and renames first. */
  public List<FileChange> changesSince(DirectorySnapshot before) {
    Map<Object, String> createdByKey = new HashMap<>();
    entries.forEach((name, e) -> {
      if (!before.entries.containsKey(name) && e.fileKey() != null) {
        createdByKey.put(e.fileKey(), name);
      }
    });
    List<FileChange> changes = new ArrayList<>();
    before.entries.forEach((name, old) -> {
      if (!entries.containsKey(name)) {
        boolean renamed = old.fileKey() != null && createdByKey.containsKey(old.fileKey());
        changes.add(new FileChange(directory.resolve(name), renamed ? FileOp.RENAME : FileOp.REMOVE));
      }
    });
    List<FileChange> later = new ArrayList<>();
    entries.forEach((name, now) -> {
      Entry old = before.entries.get(name);
      Path path = directory.resolve(name);
      if (old == null || !Objects.equals(old.fileKey(), now.fileKey())) {
        changes.add(new FileChange(path, FileOp.CREATE));
        boolean renamedHere = old == null && now.fileKey() != null && before.hasKey(now.fileKey());
        if (now.size() > 0 && !renamedHere) {
          later.add(new FileChange(path, FileOp.WRITE)); // fsnotify reports the writes after the create
        }
        return;
      }
      if (!old.modified().equals(now.modified()) || old.size() != now.size()) {
        later.add(new FileChange(path, FileOp.WRITE));
      }
      if (!old.permissions().equals(now.permissions())) {
        later.add(new FileChange(path, FileOp.CHMOD));
      }
    });
    changes.addAll(later);
    return changes;
  }

  private boolean hasKey(Object fileKey) {
    return entries.values().stream().anyMatch(e -> fileKey.equals(e.fileKey()));
  }
}
