package io.quargo.eventbus.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA, a server certificate for 127.0.0.1 and a client certificate (with a PKCS#1 RSA key, as Go tools write),
 * made with the openssl binary, for TLS tests of every module. Fails (not skips) when openssl is missing.
 */
public final class TestCertificates {
  public final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates create(Path dir) throws Exception {
    Path openssl = List.of(Path.of("/usr/bin/openssl"), Path.of("/usr/local/bin/openssl")).stream()
        .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
            "this test needs the openssl binary to make certificates; install openssl (apt-get install -y openssl)"));
    TestCertificates c = new TestCertificates(dir);
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    c.run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=quargo-test-ca");
    c.signed(openssl, "server", true);
    c.signed(openssl, "client", false);
    c.run(openssl, "rsa", "-in", "client.key", "-out", "client-pkcs1.key", "-traditional");
    return c;
  }

  private void signed(Path openssl, String name, boolean san) throws Exception {
    run(openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
        "-subj", "/CN=" + name);
    if (san) {
      run(openssl, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
          "-out", name + ".pem", "-days", "2", "-extfile", "san.ext");
    } else {
      run(openssl, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
          "-out", name + ".pem", "-days", "2");
    }
  }

  private void run(Path openssl, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(openssl.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
    }
  }

  public String read(String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String path(String file) {
    return dir.resolve(file).toString();
  }
}
