package io.quargo.eventbus.objectstore;

import java.io.InputStream;
import java.util.SplittableRandom;

/** {@code size} pseudo-random bytes from a seed, produced on the fly: a big file that takes no memory. */
final class PatternInputStream extends InputStream {
  private final SplittableRandom random;
  private long remaining;

  PatternInputStream(long size, long seed) {
    this.random = new SplittableRandom(seed);
    this.remaining = size;
  }

  @Override
  public int read() {
    if (remaining == 0) {
      return -1;
    }
    remaining--;
    return random.nextInt(256);
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (remaining == 0) {
      return -1;
    }
    int n = (int) Math.min(len, remaining);
    for (int i = 0; i < n; i++) {
      b[off + i] = (byte) random.nextInt(256);
    }
    remaining -= n;
    return n;
  }
}
