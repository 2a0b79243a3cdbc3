package io.quargo.core.tls;

import io.quargo.core.PathException;

/** TLS material that cannot be used; the message starts with the JSON path of the secret field at fault. */
public final class TlsMaterialException extends PathException {
  public TlsMaterialException(String path, String problem) {
    super(path, problem);
  }
}
