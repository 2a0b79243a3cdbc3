package io.quargo.eventbus.objectstore;

import java.io.OutputStream;

/**
 * Discards what it is given, pausing on each write like a slow disk or HTTP client. A reader that lets
 * the server push faster than this queues the object in memory; a bounded reader does not.
 */
final class SlowSink extends OutputStream {
  private final long pauseMillis;

  SlowSink(long pauseMillis) {
    this.pauseMillis = pauseMillis;
  }

  @Override
  public void write(int b) {
    // single bytes are not worth a pause
  }

  @Override
  public void write(byte[] b, int off, int len) {
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
