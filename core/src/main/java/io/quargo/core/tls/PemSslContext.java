package io.quargo.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS material from the PEM texts of a {@link TlsMaterial}: an {@link SSLContext}, or the trust and key manager
 * factories for clients that take those (HiveMQ's MQTT client). Every problem names the secret's field.
 */
public final class PemSslContext {
  private static final Pattern KEY = Pattern.compile("-----BEGIN (RSA |EC )?PRIVATE KEY-----([^-]+)-----END");

  private PemSslContext() {}

  public static SSLContext create(TlsMaterial tls) {
    try {
      KeyManagerFactory keys = keyManagers(tls);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trustManagers(tls).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(tls.path(), "cannot build TLS from the secrets: " + e.getMessage());
    }
  }

  /** The CAs of {@code caCertSecret}, the JVM's default CAs without one, or any server under insecureSkipVerify. */
  public static TrustManagerFactory trustManagers(TlsMaterial tls) {
    if (tls.insecureSkipVerify()) {
      return new TrustAllFactory();
    }
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (tls.caCert() == null) {
        factory.init((KeyStore) null); // the JVM's default CAs
      } else {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate cert : certificates(tls.caCert(), tls.path() + ".caCertSecret")) {
          store.setCertificateEntry("ca-" + i++, cert);
        }
        factory.init(store);
      }
      return factory;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsMaterialException(tls.path() + ".caCertSecret", "cannot be trusted as a CA: " + e.getMessage());
    }
  }

  /** The client certificate and key, or null when the spec sets none. */
  public static KeyManagerFactory keyManagers(TlsMaterial tls) {
    if (tls.clientCert() == null) {
      return null;
    }
    checkKeyPair(tls.clientCert(), tls.path() + ".clientCertSecret", tls.clientKey(), tls.path() + ".clientKeySecret");
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key(tls.clientKey(), tls.path() + ".clientKeySecret"), new char[0],
          certificates(tls.clientCert(), tls.path() + ".clientCertSecret").toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, new char[0]);
      return keys;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsMaterialException(tls.path(), "clientCertSecret and clientKeySecret do not make a key pair: "
          + e.getMessage());
    }
  }

  /**
   * Checks that {@code keyPem} is the private key of the first certificate in {@code certPem}, by signing with
   * one and verifying with the other: TLS libraries accept a mismatched pair and fail every handshake later.
   *
   * @throws TlsMaterialException at {@code keyPath} when they are not a pair, or either does not parse
   */
  public static void checkKeyPair(String certPem, String certPath, String keyPem, String keyPath) {
    PrivateKey key = key(keyPem, keyPath);
    Certificate cert = certificates(certPem, certPath).iterator().next();
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    byte[] probe = "quargo key pair check".getBytes(StandardCharsets.US_ASCII);
    boolean pair;
    try {
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      pair = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      pair = false; // e.g. an RSA key against an EC certificate
    }
    if (!pair) {
      throw new TlsMaterialException(keyPath, "is not the private key of the certificate in " + certPath
          + "; store the key that was issued with that certificate");
    }
  }

  private static Collection<? extends Certificate> certificates(String pem, String path) {
    try {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certs.isEmpty()) {
        throw new TlsMaterialException(path, "holds no PEM certificate");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(path, "is not a PEM certificate: " + e.getMessage());
    }
  }

  /** PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}), as Go's tls package reads. */
  private static PrivateKey key(String pem, String path) {
    Matcher m = KEY.matcher(pem == null ? "" : pem);
    if (!m.find()) {
      throw new TlsMaterialException(path, "is not an unencrypted PEM private key");
    }
    if ("EC ".equals(m.group(1))) {
      throw new TlsMaterialException(path, "SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec("RSA ".equals(m.group(1)) ? rsaToPkcs8(der) : der);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException tryNext) {
        // PKCS#8 PEM does not name the algorithm; try the next
      }
    }
    throw new TlsMaterialException(path, "is neither an RSA, EC nor Ed25519 key");
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE {0, rsaEncryption, OCTET STRING key}. */
  public static byte[] rsaToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(version);
    body.writeBytes(algorithm);
    body.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 128) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, java.io.IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  /** {@code insecureSkipVerify: true}: a factory whose one trust manager accepts any server. */
  private static final class TrustAllFactory extends TrustManagerFactory {
    TrustAllFactory() {
      super(new TrustAllSpi(), new Provider("quargo-insecure", "1", "insecureSkipVerify") {}, "insecure");
    }
  }

  private static final class TrustAllSpi extends TrustManagerFactorySpi {
    @Override
    protected void engineInit(KeyStore ks) {}

    @Override
    protected void engineInit(ManagerFactoryParameters spec) {}

    @Override
    protected TrustManager[] engineGetTrustManagers() {
      return new TrustManager[] {new TrustAll()};
    }
  }

  /** Accepts any server certificate, as Go's option does; extended, so the JDK adds no host name check either. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
