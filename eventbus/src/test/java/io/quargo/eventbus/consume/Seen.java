package io.quargo.eventbus.consume;

/** One delivery as a handler saw it: stream sequence and delivery count. */
record Seen(long seq, long count) {
  static Seen of(Delivery d) {
    return new Seen(d.streamSequence(), d.deliveryCount());
  }

  @Override
  public String toString() {
    return "(seq " + seq + ", delivery " + count + ")";
  }
}
