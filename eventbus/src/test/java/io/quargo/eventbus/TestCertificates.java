package io.quargo.eventbus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away CA, a server certificate for 127.0.0.1 and a client certificate, made with the JDK's
 * keytool (no openssl needed) and written as PEM files as nats-server and {@link TlsConfig} read them.
 */
record TestCertificates(Path caPem, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {
  private static final String PASS = "changeit";

  static TestCertificates create(Path dir) throws Exception {
    keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=quargo-test-ca", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
    keytool(dir, "-exportcert", "-alias", "ca", "-rfc", "-keystore", "ca.p12", "-file", "ca.pem");
    Path serverCert = signed(dir, "server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
    Path clientCert = signed(dir, "client", "CN=quargo-test-client", "eku=clientAuth");
    return new TestCertificates(dir.resolve("ca.pem"), serverCert, pkcs8(dir, "server"), clientCert, pkcs8(dir, "client"));
  }

  /** A key pair in {@code <name>.p12} and its certificate signed by the CA, as {@code <name>.pem}. */
  private static Path signed(Path dir, String name, String dname, String ext) throws Exception {
    String store = name + ".p12";
    keytool(dir, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
        "-validity", "2", "-keystore", store);
    keytool(dir, "-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
    keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr", "-ext", ext,
        "-validity", "2", "-rfc", "-outfile", name + ".pem");
    return dir.resolve(name + ".pem");
  }

  /** The private key of {@code <name>.p12} as an unencrypted PKCS#8 PEM file. */
  private static Path pkcs8(Path dir, String name) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
      store.load(in, PASS.toCharArray());
    }
    PrivateKey key = (PrivateKey) store.getKey(name, PASS.toCharArray());
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    return Files.writeString(dir.resolve(name + ".key"), pem);
  }

  private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS, "-noprompt"));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
