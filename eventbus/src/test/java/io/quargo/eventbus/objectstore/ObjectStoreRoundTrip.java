package io.quargo.eventbus.objectstore;

import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a child JVM with a small heap by {@link ObjectStoreBucketIT}: puts a generated object and gets it
 * back into a slow sink, printing the SHA-256 of what went in and what came out. Whole-object buffering,
 * or a reader the server can push ahead of the sink (jnats' own {@code ObjectStore.get} does), runs out of
 * heap. Arguments: NATS URL, bucket, size in bytes, seed.
 */
public final class ObjectStoreRoundTrip {
  private ObjectStoreRoundTrip() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String bucket = args[1];
    long size = Long.parseLong(args[2]);
    long seed = Long.parseLong(args[3]);
    System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
    try (BusConnection bus = BusConnection.connect(BusConfig.of(url))) {
      ObjectStoreBucket store = ObjectStoreBucket.open(bus, bucket);
      MessageDigest in = MessageDigest.getInstance("SHA-256");
      store.put("big.bin", new DigestInputStream(new PatternInputStream(size, seed), in));
      MessageDigest out = MessageDigest.getInstance("SHA-256");
      try (OutputStream sink = new DigestOutputStream(new SlowSink(15), out)) {
        store.get("big.bin", sink);
      }
      System.out.println("in=" + HexFormat.of().formatHex(in.digest()));
      System.out.println("out=" + HexFormat.of().formatHex(out.digest()));
    }
  }
}
