package io.quargo.eventbus;

import java.nio.file.Path;
import java.util.Map;

/**
 * TLS material as PEM files: a CA bundle to trust and, for mutual TLS, a client certificate and its
 * PKCS#8 key. Keys: {@code quargo.bus.tls.ca-file}, {@code .cert-file}, {@code .key-file}.
 */
public record TlsConfig(Path caFile, Path certFile, Path keyFile) {
  public TlsConfig {
    if ((certFile == null) != (keyFile == null)) {
      throw new BusException("quargo.bus.tls.cert-file and quargo.bus.tls.key-file go together; set both or neither");
    }
  }

  /** The TLS part of the bus properties, or null when no TLS key is set. */
  static TlsConfig from(Map<String, String> props) {
    String prefix = BusConfig.PREFIX + "tls.";
    String ca = props.get(prefix + "ca-file");
    String cert = props.get(prefix + "cert-file");
    String key = props.get(prefix + "key-file");
    if (isBlank(ca) && isBlank(cert) && isBlank(key)) {
      return null;
    }
    return new TlsConfig(path(ca), path(cert), path(key));
  }

  private static Path path(String s) {
    return isBlank(s) ? null : Path.of(s);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
