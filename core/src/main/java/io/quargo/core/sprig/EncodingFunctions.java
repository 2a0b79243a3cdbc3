package io.quargo.core.sprig;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Adler32;

/** sprig's encodings, JSON and checksums. Decode failures return Go's error text, as sprig does. */
final class EncodingFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private EncodingFunctions() {}

  static void register(Registry r) {
    r.add("b64enc", "s", a -> Base64.getEncoder().encodeToString(bytes(a[0])));
    r.add("b64dec", "s", a -> b64dec((String) a[0]));
    r.add("b32enc", "s", a -> Base32.encode(bytes(a[0])));
    r.add("b32dec", "s", a -> b32dec((String) a[0]));
    r.add("toJson", "a", a -> GoJson.encode(a[0], true, false, true));
    r.add("mustToJson", "a", a -> GoJson.encode(a[0], true, false, false));
    r.add("toRawJson", "a", a -> GoJson.encode(a[0], false, false, true));
    r.add("mustToRawJson", "a", a -> GoJson.encode(a[0], false, false, false));
    r.add("toPrettyJson", "a", a -> GoJson.encode(a[0], true, true, true));
    r.add("mustToPrettyJson", "a", a -> GoJson.encode(a[0], true, true, false));
    r.add("fromJson", "s", a -> fromJson((String) a[0], false));
    r.add("mustFromJson", "s", a -> fromJson((String) a[0], true));
    r.add("sha256sum", "s", a -> digest("SHA-256", (String) a[0]));
    r.add("sha1sum", "s", a -> digest("SHA-1", (String) a[0]));
    r.add("adler32sum", "s", a -> { Adler32 c = new Adler32(); c.update(bytes(a[0])); return Long.toString(c.getValue()); });
  }

  private static byte[] bytes(Object s) {
    return ((String) s).getBytes(StandardCharsets.UTF_8);
  }

  private static String b64dec(String s) {
    String cleaned = s.replace("\r", "").replace("\n", "");
    int bad = firstInvalid(cleaned, B64);
    if (bad >= 0) return "illegal base64 data at input byte " + bad;
    try {
      return new String(Base64.getDecoder().decode(cleaned), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte " + Math.max(0, cleaned.indexOf('=') >= 0 ? cleaned.indexOf('=') : cleaned.length() / 4 * 4);
    }
  }

  private static String b32dec(String s) {
    int bad = firstInvalid(s, B32);
    if (bad >= 0) return "illegal base32 data at input byte " + bad;
    byte[] out = Base32.decode(s);
    return out == null ? "illegal base32 data at input byte " + s.length() / 8 * 8 : new String(out, StandardCharsets.UTF_8);
  }

  /** The first character outside the alphabet or misplaced padding; -1 if none. */
  private static int firstInvalid(String s, String alphabet) {
    int pad = s.indexOf('=');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=' ? pad >= 0 && i > pad && s.charAt(i - 1) != '=' : alphabet.indexOf(c) < 0) return i;
      if (c != '=' && pad >= 0 && i > pad) return pad;
    }
    return -1;
  }

  private static Object fromJson(String s, boolean must) {
    try {
      return GoValues.normalize(JSON.readTree(s));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      if (must) throw new Fail("invalid JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  private static String digest(String algorithm, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes(s)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
