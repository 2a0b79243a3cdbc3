package io.quargo.eventbus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds an {@link SSLContext} from PEM files, as nats-server's own config names them. */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContext create(TlsConfig tls) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(tls.caFile() == null ? null : trustStore(tls.caFile()));
      KeyManagerFactory keys = null;
      if (tls.certFile() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(tls.certFile(), tls.keyFile()), new char[0]);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new BusException("cannot load TLS material (quargo.bus.tls.*): " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(Path caFile) throws GeneralSecurityException, IOException {
    KeyStore store = emptyStore();
    int i = 0;
    for (Certificate cert : certificates(caFile)) {
      store.setCertificateEntry("ca-" + i++, cert);
    }
    if (i == 0) {
      throw new BusException("quargo.bus.tls.ca-file " + caFile + " holds no PEM certificate");
    }
    return store;
  }

  private static KeyStore keyStore(Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
    Certificate[] chain = certificates(certFile).toArray(new Certificate[0]);
    KeyStore store = emptyStore();
    store.setKeyEntry("client", privateKey(keyFile), new char[0], chain);
    return store;
  }

  private static Collection<? extends Certificate> certificates(Path file)
      throws GeneralSecurityException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  private static PrivateKey privateKey(Path keyFile) throws GeneralSecurityException, IOException {
    String pem = Files.readString(keyFile);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new BusException("quargo.bus.tls.key-file " + keyFile + " is not an unencrypted PKCS#8 PEM key;"
          + " convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    }
    String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException tryNext) {
        // the PEM does not say the algorithm; try the next one
      }
    }
    throw new BusException("quargo.bus.tls.key-file " + keyFile + " is neither an RSA, EC nor Ed25519 key");
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }
}
