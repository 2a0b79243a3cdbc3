package io.quargo.eventsource.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches one directory and publishes a {@code file} event for every change of {@code eventType} to a watched name.
 * Filesystem notifications only wake the watcher; what changed is found by diffing directory snapshots, so all
 * five fsnotify operations are told apart. A change is published before the next scan is looked at, and retried
 * with backoff while the bus refuses it, so an outage delays events and loses none while this process runs.
 */
public final class FileAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(FileAdapter.class);

  private final FileSpec spec;
  private final FileTiming timing;
  private EventSink sink;
  private WatchService notifications;
  private DirectorySnapshot snapshot;
  private Thread watcher;
  private volatile boolean closed;

  public FileAdapter(FileSpec spec) {
    this(spec, FileTiming.DEFAULT);
  }

  public FileAdapter(FileSpec spec, FileTiming timing) {
    this.spec = spec;
    this.timing = timing;
  }

  @Override
  public synchronized void start(EventSink sink) throws IOException {
    if (this.sink != null) {
      throw new IllegalStateException(spec.specPath() + ": already started");
    }
    if (!Files.isDirectory(spec.directory())) {
      throw new IllegalStateException(spec.specPath() + ".watchPathConfig.directory: " + spec.directory()
          + " does not exist or is not a directory; create it or fix the path");
    }
    this.sink = sink;
    snapshot = DirectorySnapshot.scan(spec.directory());
    if (!spec.polling()) {
      notifications = spec.directory().getFileSystem().newWatchService();
      spec.directory().register(notifications, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
    }
    watcher = new Thread(this::watch, "file-" + spec.eventName());
    watcher.setDaemon(true);
    watcher.start();
  }

  private void watch() {
    while (!closed) {
      try {
        awaitChange();
        DirectorySnapshot now = DirectorySnapshot.scan(spec.directory());
        for (FileChange change : now.changesSince(snapshot)) {
          if (change.op() == spec.eventType() && spec.watches(change.path().getFileName().toString())) {
            publish(change);
          }
        }
        snapshot = now;
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (IOException e) {
        LOG.warnf("%s: cannot read %s: %s", spec.specPath(), spec.directory(), e.getMessage());
        sleepQuietly(timing.rescan());
      }
    }
  }

  /** Until a notification arrives or the rescan interval passes; {@code polling} only waits. */
  private void awaitChange() throws InterruptedException {
    if (notifications == null) {
      Thread.sleep(FileTiming.POLLING.compareTo(timing.rescan()) < 0 ? FileTiming.POLLING.toMillis()
          : timing.rescan().toMillis());
      return;
    }
    WatchKey key = notifications.poll(timing.rescan().toMillis(), TimeUnit.MILLISECONDS);
    while (key != null) {
      key.pollEvents();
      key.reset();
      key = notifications.poll();
    }
  }

  /** Publishes under one id until the bus acknowledges it (a stored-but-unacked attempt is then deduplicated). */
  private void publish(FileChange change) throws InterruptedException {
    SourceEvent event = new SourceEvent(spec.eventName(), "file", randomId(), Instant.now(), data(change));
    for (int failures = 0; !closed; ) {
      try {
        sink.publish(event).get(timing.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        Duration wait = timing.retryAfter(++failures);
        LOG.warnf("%s: %s of %s not stored on the bus (%s); retrying in %s", spec.specPath(), change.op(),
            change.path(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), wait);
        Thread.sleep(wait.toMillis());
      }
    }
  }

  /** Argo: {@code {name: <path>, op: <fsnotify bit>, metadata}}. */
  ObjectNode data(FileChange change) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("name", change.path().toString());
    data.put("op", change.op().bit());
    if (!spec.metadata().isEmpty()) {
      ObjectNode metadata = data.putObject("metadata");
      spec.metadata().forEach(metadata::put);
    }
    return data;
  }

  private static String randomId() {
    UUID u = UUID.randomUUID();
    return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array());
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (watcher != null) {
      watcher.interrupt();
      try {
        watcher.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (notifications != null) {
      try {
        notifications.close();
      } catch (IOException e) {
        LOG.debugf("%s: closing the watch: %s", spec.specPath(), e.getMessage());
      }
    }
  }
}
