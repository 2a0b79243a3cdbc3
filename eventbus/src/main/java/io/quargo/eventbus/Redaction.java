package io.quargo.eventbus;

import java.util.regex.Pattern;

/** Hides the user:password part of URLs in text meant for logs and HTTP answers. */
public final class Redaction {
  private static final Pattern USER_INFO = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s,]+@");

  private Redaction() {}

  public static String urls(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
