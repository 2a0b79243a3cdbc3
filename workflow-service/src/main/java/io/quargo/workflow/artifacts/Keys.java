package io.quargo.workflow.artifacts;

/** Checks a repository key: relative, '/'-separated, no empty, '.' or '..' segment. */
final class Keys {
  private Keys() {}

  static String check(String key) {
    if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
      throw new IllegalArgumentException("artifact key must be a relative path, got '" + key + "'");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("artifact key '" + key + "' has an empty, '.' or '..' segment");
      }
    }
    return key;
  }
}
