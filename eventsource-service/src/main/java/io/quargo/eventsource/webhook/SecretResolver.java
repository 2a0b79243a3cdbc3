package io.quargo.eventsource.webhook;

/**
 * Reads a secret's value. The service will read Kubernetes Secrets or its own store; until then the caller
 * supplies the values (a test, the CLI).
 */
@FunctionalInterface
public interface SecretResolver {
  /** The value, or null when there is no such secret; a null makes the route unusable, reported by the parser. */
  String resolve(SecretRef ref);

  /** For sources without secrets: every lookup finds nothing. */
  static SecretResolver none() {
    return ref -> null;
  }
}
