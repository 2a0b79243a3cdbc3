package io.quargo.core.sprig;

/** Thrown inside a function body without knowing its registered name; {@link Sprig#call} adds the name. */
final class Fail extends RuntimeException {
  Fail(String reason) {
    super(reason, null, false, false);
  }
}
