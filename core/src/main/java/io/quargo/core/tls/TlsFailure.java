package io.quargo.core.tls;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says in the user's terms why a TLS connection failed: which field of {@code tls} to look at and what to change.
 * Only failures a retry cannot cure are explained (an untrusted or misnamed server certificate, a refused client
 * certificate, a server that does not speak TLS); anything else, e.g. a reset connection, is left to the
 * caller's retry and its own message.
 */
public final class TlsFailure {
  private TlsFailure() {}

  /**
   * The explanation for connecting to {@code address} with {@code tls} (null: TLS from the URL scheme alone, the
   * JVM's default CAs), or null when {@code error} is not such a failure.
   */
  public static String explain(Throwable error, TlsMaterial tls, String address) {
    String where = tls == null ? "tls" : tls.path();
    String detail = detail(error);
    String lower = detail.toLowerCase(Locale.ROOT);
    if (has(error, CertPathValidatorException.class) || lower.contains("pkix path")) {
      String trusted = tls == null || tls.caCert() == null
          ? "is not signed by a CA the JVM trusts by default; set " + where + ".caCertSecret to the PEM of the CA"
              + " that signed it"
          : "is not signed by the CA in " + where + ".caCertSecret; put the PEM of the CA that signed the server's"
              + " certificate in that secret";
      return "TLS to " + address + " failed: the server's certificate " + trusted + " (or set " + where
          + ".insecureSkipVerify: true to skip verification) [" + detail + "]";
    }
    if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
      return "TLS to " + address + " failed: the server's certificate does not name this host; connect by a name"
          + " or IP its subjectAltName lists, or reissue the certificate for it (" + where
          + ".insecureSkipVerify: true skips the check) [" + detail + "]";
    }
    if (lower.contains("bad_certificate") || lower.contains("certificate_required") || lower.contains("unknown_ca")
        || lower.contains("certificate_unknown") || lower.contains("access_denied")) {
      return "TLS to " + address + " failed: the server refused our client certificate"
          + (tls == null || tls.clientCert() == null ? " (none was sent)" : "") + "; set " + where
          + ".clientCertSecret and " + where + ".clientKeySecret to a certificate and key signed by a CA the"
          + " server trusts [" + detail + "]";
    }
    if (lower.contains("unrecognized ssl message") || lower.contains("remote host terminated the handshake")
        || lower.contains("unsupported or unrecognized")) {
      return notTls(tls, address, detail);
    }
    if (has(error, CertificateException.class)) {
      return "TLS to " + address + " failed: the server's certificate was refused; check " + where
          + ".caCertSecret [" + detail + "]";
    }
    return null;
  }

  /**
   * For a server that answered our TLS hello in plain text, or not at all (a plain-text Redis waits for the end of
   * a command line that never comes).
   */
  public static String notTls(TlsMaterial tls, String address, String detail) {
    return "TLS to " + address + " failed: the server did not answer in TLS; connect to its TLS port, or remove "
        + (tls == null ? "tls" : tls.path()) + " if the server speaks plain text [" + detail + "]";
  }

  /**
   * {@link #explain}, else the innermost message of {@code error}. Under TLS 1.3 a server that refuses a client
   * without a certificate does so after the handshake, and its alert can lose the race with the closed socket:
   * then only a reset is seen, and the message says what to try.
   */
  public static String describe(Throwable error, TlsMaterial tls, String address) {
    String explained = explain(error, tls, address);
    if (explained != null) {
      return explained;
    }
    String detail = detail(error);
    String lower = detail.toLowerCase(Locale.ROOT);
    boolean closed = lower.contains("connection reset") || lower.contains("broken pipe") || lower.contains("closed")
        || lower.contains("eof"); // the JDK HTTP client's words for it
    if (closed && (tls == null || tls.clientCert() == null)) {
      String where = tls == null ? "tls" : tls.path();
      return detail + " (the server closed the TLS connection; if it demands a client certificate, set " + where
          + ".clientCertSecret and " + where + ".clientKeySecret)";
    }
    return detail;
  }

  /** The deepest TLS message in the cause chain, else the deepest message. */
  private static String detail(Throwable error) {
    String tlsMessage = null;
    String last = null;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        last = t.getMessage();
        if (t instanceof SSLException || t instanceof CertificateException) {
          tlsMessage = t.getMessage();
        }
      }
    }
    String message = tlsMessage != null ? tlsMessage : last;
    return message == null ? error.getClass().getSimpleName() : message;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
