package io.quargo.core;

/**
 * A resource, or a part of one, that cannot be used: the message starts with the JSON path at fault and says how
 * to fix it ({@code spec.webhook.example.port: must be a number}). Each kind of resource has its own subclass.
 */
public abstract class PathException extends RuntimeException {
  private final String path;

  protected PathException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the resource, e.g. {@code spec.triggers[0].template.http.url}. */
  public String path() {
    return path;
  }

  /** The message without its leading path, for re-raising the problem as another subclass at the same path. */
  public String problem() {
    return getMessage().substring(path.length() + 2);
  }
}
