package io.quargo.core.tls;

/** TLS material that cannot be used; the message starts with the JSON path of the secret field at fault. */
public final class TlsMaterialException extends IllegalArgumentException {
  private final String path;

  public TlsMaterialException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.nats.example.tls.clientKeySecret}. */
  public String path() {
    return path;
  }
}
