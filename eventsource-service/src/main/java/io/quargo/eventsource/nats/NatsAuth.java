package io.quargo.eventsource.nats;

/**
 * {@code auth} of a nats source with its secrets resolved; at most one of the four forms is set, as Argo allows
 * one of {@code basic}, {@code token}, {@code nkey}, {@code credential}.
 */
public record NatsAuth(String username, String password, String token, String nkeySeed, String credential) {
  public static final NatsAuth NONE = new NatsAuth(null, null, null, null, null);

  @Override
  public String toString() {
    // never print a secret
    String form = username != null ? "basic" : token != null ? "token" : nkeySeed != null ? "nkey"
        : credential != null ? "credential" : "none";
    return "auth=" + form;
  }
}
