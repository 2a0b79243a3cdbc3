package io.quargo.eventsource.file;

/** fsnotify's operations with their bit values; Argo puts the number in {@code data.op}. */
public enum FileOp {
  CREATE(1), WRITE(2), REMOVE(4), RENAME(8), CHMOD(16);

  private final int bit;

  FileOp(int bit) {
    this.bit = bit;
  }

  public int bit() {
    return bit;
  }
}
