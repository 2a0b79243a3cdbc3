package io.quargo.core.gjson;

/** A gjson path that cannot be compiled; the message names the column and the reason. */
public final class GjsonPathException extends RuntimeException {
  GjsonPathException(String path, int offset, String reason) {
    super(reason + " at 1:" + (Math.min(Math.max(offset, 0), path.length()) + 1) + " in path '" + path + "'");
  }
}
