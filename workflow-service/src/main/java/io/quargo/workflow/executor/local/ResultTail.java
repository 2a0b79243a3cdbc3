package io.quargo.workflow.executor.local;

import java.nio.charset.StandardCharsets;

/**
 * The last bytes of stdout, for {@code outputs.result}: as Argo keeps only the last 256 kB
 * ({@code CaptureScriptResult}) and trims one trailing newline. A ring buffer, so a chatty process costs no more.
 */
public final class ResultTail {
  /** Argo's cap on {@code outputs.result}: 256 * 1024 bytes. */
  public static final int MAX_BYTES = 256 * 1024;

  private final byte[] ring;
  private long written;

  public ResultTail() {
    this(MAX_BYTES);
  }

  ResultTail(int capacity) {
    this.ring = new byte[capacity];
  }

  public synchronized void append(byte[] buf, int off, int len) {
    if (len >= ring.length) {
      off += len - ring.length;
      len = ring.length;
    }
    int at = (int) (written % ring.length);
    int first = Math.min(len, ring.length - at);
    System.arraycopy(buf, off, ring, at, first);
    System.arraycopy(buf, off + first, ring, 0, len - first);
    written += len;
  }

  /** The kept bytes as UTF-8 (a character cut at the start becomes U+FFFD), one trailing {@code \n} trimmed. */
  public synchronized String text() {
    int size = (int) Math.min(written, ring.length);
    byte[] out = new byte[size];
    int start = (int) ((written - size) % ring.length);
    int first = Math.min(size, ring.length - start);
    System.arraycopy(ring, start, out, 0, first);
    System.arraycopy(ring, 0, out, first, size - first);
    String s = new String(out, StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
