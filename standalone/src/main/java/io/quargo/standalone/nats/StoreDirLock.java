package io.quargo.standalone.nats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on a store directory, held while a child nats-server runs on it. Two servers on one
 * JetStream store corrupt it; the OS drops the lock when its holder dies, so a crashed run never
 * leaves the directory locked.
 */
final class StoreDirLock implements AutoCloseable {
  static final String FILE = "quargo.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StoreDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StoreDirLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        throw new ChildNatsServerException(dir + " is in use by another quargo server"
            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
            + "; stop it, or give this one its own data directory (quargo.data-dir)");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new StoreDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ChildNatsServerException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM already holds it
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
