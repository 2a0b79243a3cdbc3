package io.quargo.core.tls;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The rules of Argo's {@code tls} block that do not depend on who reads it (an EventSource or a trigger): the
 * file-path forms older Argo versions read are gone, a client certificate needs its key, and the block must name
 * at least one secret or set {@code insecureSkipVerify}. Each reader re-raises the problem as its own exception.
 */
public final class TlsBlock {
  /** The removed file-path fields and the secret field that replaces each. */
  private static final Map<String, String> REMOVED = Map.of("caCertPath", "caCertSecret", "clientCertPath",
      "clientCertSecret", "clientKeyPath", "clientKeySecret");

  private TlsBlock() {}

  /** @throws TlsMaterialException at {@code at.<field>} for a file-path field, naming the secret field to use */
  public static void refuseRemovedFields(JsonNode tls, String at) {
    REMOVED.forEach((old, now) -> {
      if (tls.hasNonNull(old)) {
        throw new TlsMaterialException(at + "." + old, "is the file-path form older Argo Events versions read;"
            + " put the PEM in a Secret and name it with " + now + ": {name, key}");
      }
    });
  }

  /** @throws TlsMaterialException at {@code at} when the fields set cannot make a TLS configuration */
  public static void checkSecrets(boolean ca, boolean clientCert, boolean clientKey, boolean insecure, String at) {
    if (clientCert != clientKey) {
      throw new TlsMaterialException(at, "clientCertSecret and clientKeySecret go together; set both or neither");
    }
    if (!ca && !clientCert && !insecure) {
      throw new TlsMaterialException(at, "names no secret: set caCertSecret (the CA that signed the server's"
          + " certificate), clientCertSecret with clientKeySecret (a client certificate), or insecureSkipVerify: true");
    }
  }
}
