package io.quargo.core.sprig;

import java.io.ByteArrayOutputStream;

/** RFC 4648 base32 with padding, Go's base32.StdEncoding (the JDK has none). */
final class Base32 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  static String encode(byte[] data) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < data.length; i += 5) {
      long block = 0;
      int n = Math.min(5, data.length - i);
      for (int j = 0; j < 5; j++) block = (block << 8) | (j < n ? data[i + j] & 0xff : 0);
      int chars = (n * 8 + 4) / 5;
      for (int j = 0; j < 8; j++) {
        out.append(j < chars ? ALPHABET.charAt((int) (block >>> (35 - 5 * j)) & 31) : '=');
      }
    }
    return out.toString();
  }

  /** Null when the input is not whole padded blocks. */
  static byte[] decode(String s) {
    if (s.length() % 8 != 0) return null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i += 8) {
      long block = 0;
      int chars = 0;
      for (int j = 0; j < 8; j++) {
        char c = s.charAt(i + j);
        int v = c == '=' ? 0 : ALPHABET.indexOf(c);
        if (c != '=') chars = j + 1;
        block = (block << 5) | v;
      }
      int bytes = chars * 5 / 8;
      if (chars != 8 && chars != 7 && chars != 5 && chars != 4 && chars != 2) return null;
      for (int j = 0; j < bytes; j++) out.write((int) (block >>> (32 - 8 * j)) & 0xff);
    }
    return out.toByteArray();
  }
}
