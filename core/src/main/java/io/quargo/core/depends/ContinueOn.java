package io.quargo.core.depends;

/**
 * A dependency task's {@code continueOn}: it widens what a bare reference to that task accepts
 * ({@code A} also passes when A failed, if A has {@code continueOn.failed}).
 */
public record ContinueOn(boolean failed, boolean error) {
  public static final ContinueOn NONE = new ContinueOn(false, false);
}
