package io.quargo.eventbus.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class ObjectStoreBucketIT {
  private static final long FIFTY_MIB = 50L * 1024 * 1024;

  private BusConnection bus;
  private String bucketName;
  private ObjectStoreBucket bucket;

  @BeforeEach
  void createBucket(NatsTestServer nats) throws Exception {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    bucketName = "os-" + UUID.randomUUID().toString().substring(0, 8);
    bus.nats().objectStoreManagement().create(ObjectStoreConfiguration.builder(bucketName)
        .storageType(StorageType.File).build());
    bucket = ObjectStoreBucket.open(bus, bucketName);
  }

  @AfterEach
  void deleteBucket() throws Exception {
    bus.nats().objectStoreManagement().delete(bucketName);
    bus.close();
  }

  @Test
  void fiftyMebibytesRoundTripInAJvmWithA32MebibyteHeap(NatsTestServer nats) throws Exception {
    Path output = Files.createTempFile("object-round-trip", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        ObjectStoreRoundTrip.class.getName(), nats.url(), bucketName, String.valueOf(FIFTY_MIB), "42")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean finished = child.waitFor(5, TimeUnit.MINUTES); // a hang guard, not a performance bound
    if (!finished) {
      child.destroyForcibly();
    }
    String log = Files.readString(output);
    Files.delete(output);
    assertThat(finished).as("child finished; its output:%n%s", log).isTrue();
    assertThat(child.exitValue()).as("child exit code; its output:%n%s", log).isZero();

    String expected = sha256(new PatternInputStream(FIFTY_MIB, 42));
    assertThat(log).contains("maxHeap=").contains("in=" + expected).contains("out=" + expected);
    assertThat(bucket.info("big.bin")).get().extracting(StoredObject::size).isEqualTo(FIFTY_MIB);
  }

  @Test
  void putInfoListGetAndDelete() {
    byte[] content = "a workflow artifact".getBytes(UTF_8);
    StoredObject stored = bucket.put("artifacts/wf-1/out.txt", new ByteArrayInputStream(content));
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(stored.digest()).startsWith("SHA-256=");
    assertThat(bucket.info("artifacts/wf-1/out.txt")).get().usingRecursiveComparison()
        .ignoringFields("modified").isEqualTo(stored); // put reports the client's time, info the server's
    assertThat(bucket.list()).extracting(StoredObject::name).containsExactly("artifacts/wf-1/out.txt");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(bucket.get("artifacts/wf-1/out.txt", out).name()).isEqualTo("artifacts/wf-1/out.txt");
    assertThat(out.toByteArray()).isEqualTo(content);

    assertThat(bucket.delete("artifacts/wf-1/out.txt")).isTrue();
    assertThat(bucket.delete("artifacts/wf-1/out.txt")).isFalse();
    assertThat(bucket.info("artifacts/wf-1/out.txt")).isEmpty();
    assertThat(bucket.list()).isEmpty();
  }

  @Test
  void aMultiChunkObjectAndAnEmptyOneRoundTrip() throws Exception {
    long size = 5L * 128 * 1024 + 17; // six chunks, the last one short
    bucket.put("logs.txt", new PatternInputStream(size, 7));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StoredObject info = bucket.get("logs.txt", out);
    assertThat(info.chunks()).isEqualTo(6);
    assertThat(sha256(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(sha256(new PatternInputStream(size, 7)));

    bucket.put("empty", InputStream.nullInputStream());
    ByteArrayOutputStream empty = new ByteArrayOutputStream();
    assertThat(bucket.get("empty", empty).size()).isZero();
    assertThat(empty.size()).isZero();
  }

  @Test
  void putReplacesAnOlderObjectOfTheSameName() {
    bucket.put("report", new ByteArrayInputStream("old".getBytes(UTF_8)));
    bucket.put("report", new ByteArrayInputStream("new".getBytes(UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bucket.get("report", out);
    assertThat(out.toString(UTF_8)).isEqualTo("new");
    assertThat(bucket.list()).hasSize(1);
  }

  @Test
  void gettingAMissingObjectSaysWhichAndWhere() {
    assertThatThrownBy(() -> bucket.get("nope", new ByteArrayOutputStream()))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageContaining("'nope'").hasMessageContaining(bucketName);
    assertThatThrownBy(() -> ObjectStoreBucket.open(bus, "no-such-store"))
        .isInstanceOf(BusException.class).hasMessageContaining("topology");
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream stream = new DigestInputStream(in, digest)) {
      stream.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
