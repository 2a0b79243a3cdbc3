package io.quargo.eventbus.kv;

/**
 * Where a watch begins. The usual controller pattern is {@link #currentValues()} (a full picture, then
 * changes); after a list at revision R, {@link #afterRevision(long) afterRevision(R)} gives exactly the
 * changes that list did not see.
 */
public final class KvWatchStart {
  enum Kind { CURRENT_VALUES, AFTER_REVISION, UPDATES_ONLY }

  private final Kind kind;
  private final long revision;

  private KvWatchStart(Kind kind, long revision) {
    this.kind = kind;
    this.revision = revision;
  }

  /** The current value of every matching key (deleted keys left out), then every later change. */
  public static KvWatchStart currentValues() {
    return new KvWatchStart(Kind.CURRENT_VALUES, 0);
  }

  /**
   * Every change to a matching key with a revision greater than {@code revision}, in revision order.
   * Only what the bucket still stores can be replayed: with history N, a key written more than N times
   * since {@code revision} shows only its last N writes (never an older value after a newer one).
   */
  public static KvWatchStart afterRevision(long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
    return new KvWatchStart(Kind.AFTER_REVISION, revision);
  }

  /** Only changes made after the watch started. */
  public static KvWatchStart updatesOnly() {
    return new KvWatchStart(Kind.UPDATES_ONLY, 0);
  }

  Kind kind() {
    return kind;
  }

  long revision() {
    return revision;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CURRENT_VALUES -> "current values";
      case AFTER_REVISION -> "after revision " + revision;
      case UPDATES_ONLY -> "updates only";
    };
  }
}
