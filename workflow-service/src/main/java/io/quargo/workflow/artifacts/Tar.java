package io.quargo.workflow.artifacts;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tar format, as much as artifacts need: regular files, directories and symbolic links, with their mode;
 * names over 100 bytes as GNU long names when writing, and GNU or PAX long names when reading.
 */
final class Tar {
  private static final int BLOCK = 512;

  private Tar() {}

  /** Writes {@code source} (a file or a tree) with {@code rootName} as its top entry. */
  static void write(Path source, String rootName, OutputStream out) throws IOException {
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      entry(source, rootName, out);
    } else {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
          entry(d, name(d) + "/", out);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          entry(file, name(file), out);
          return FileVisitResult.CONTINUE;
        }

        private String name(Path p) {
          String rel = source.relativize(p).toString();
          return rel.isEmpty() ? rootName : rootName + "/" + rel;
        }
      });
    }
    out.write(new byte[BLOCK * 2]);
  }

  private static void entry(Path p, String name, OutputStream out) throws IOException {
    boolean link = Files.isSymbolicLink(p);
    boolean dir = !link && Files.isDirectory(p);
    String target = link ? Files.readSymbolicLink(p).toString() : "";
    long size = link || dir ? 0 : Files.size(p);
    if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
      longName('L', name, out);
    }
    if (target.getBytes(StandardCharsets.UTF_8).length > 100) {
      longName('K', target, out);
    }
    int mode = link ? 0777 : mode(p);
    out.write(header(name, mode, size, Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000,
        link ? '2' : dir ? '5' : '0', target));
    if (size > 0) {
      try (InputStream in = Files.newInputStream(p)) {
        long copied = in.transferTo(out);
        if (copied != size) {
          throw new IOException(p + " changed size while it was archived");
        }
      }
      pad(size, out);
    }
  }

  private static void longName(char type, String value, OutputStream out) throws IOException {
    byte[] bytes = (value + "\0").getBytes(StandardCharsets.UTF_8);
    out.write(header("././@LongLink", 0644, bytes.length, 0, type, ""));
    out.write(bytes);
    pad(bytes.length, out);
  }

  private static void pad(long size, OutputStream out) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  private static int mode(Path p) throws IOException {
    try {
      int mode = 0;
      for (PosixFilePermission perm : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) {
        mode |= 1 << (8 - perm.ordinal());
      }
      return mode;
    } catch (UnsupportedOperationException e) {
      return Files.isDirectory(p) ? 0755 : 0644;
    }
  }

  private static byte[] header(String name, int mode, long size, long mtime, char type, String linkName) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    h[156] = (byte) type;
    put(h, 157, 100, linkName);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, at, Math.min(len, b.length));
  }

  private static void octal(byte[] h, int at, int len, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    put(h, at, len - 1, padded);
  }

  /** Reads the archive into {@code dir}; an entry escaping {@code dir} is an error. */
  static void read(InputStream in, Path dir) throws IOException {
    String longName = null;
    String longLink = null;
    byte[] h = new byte[BLOCK];
    while (true) {
      if (!readBlock(in, h)) {
        return;
      }
      if (isZero(h)) {
        return;
      }
      checkSum(h);
      char type = (char) h[156];
      long size = number(h, 124, 12);
      String name = longName != null ? longName : fullName(h);
      String link = longLink != null ? longLink : text(h, 157, 100);
      if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
        byte[] data = in.readNBytes((int) size);
        skipPad(in, size);
        if (type == 'L') {
          longName = text(data, 0, data.length);
        } else if (type == 'K') {
          longLink = text(data, 0, data.length);
        } else if (type == 'x') {
          Map<String, String> pax = pax(data);
          longName = pax.getOrDefault("path", longName);
          longLink = pax.getOrDefault("linkpath", longLink);
        }
        continue;
      }
      longName = null;
      longLink = null;
      Path at = dir.resolve(name).normalize();
      if (!at.startsWith(dir)) {
        throw new IOException("archive entry '" + name + "' points outside the directory it is unpacked into");
      }
      int mode = (int) number(h, 100, 8);
      if (type == '5') {
        Files.createDirectories(at);
      } else if (type == '2') {
        Files.createDirectories(at.getParent());
        Files.createSymbolicLink(at, Path.of(link));
      } else if (type == '0' || type == '\0' || type == '7') {
        Files.createDirectories(at.getParent());
        try (OutputStream out = Files.newOutputStream(at)) {
          copy(in, out, size);
        }
        skipPad(in, size);
        chmod(at, mode);
      } else {
        in.skipNBytes(size);
        skipPad(in, size);
      }
    }
  }

  private static void chmod(Path p, int mode) {
    Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission perm : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - perm.ordinal()))) != 0) {
        perms.add(perm);
      }
    }
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (IOException | UnsupportedOperationException e) {
      // the content is what matters; a mode the host refuses is left as created
    }
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new EOFException("the archive ends inside an entry");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static void skipPad(InputStream in, long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      in.skipNBytes(BLOCK - rest);
    }
  }

  private static boolean readBlock(InputStream in, byte[] h) throws IOException {
    int n = in.readNBytes(h, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("the archive ends inside a header");
    }
    return true;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the block is a tar header: its checksum matches. */
  static boolean isHeader(byte[] h) {
    try {
      checkSum(h);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkSum(byte[] h) throws IOException {
    long expected;
    try {
      expected = number(h, 148, 8);
    } catch (NumberFormatException e) {
      throw new IOException("not a tar header");
    }
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
    }
    if (sum != expected) {
      throw new IOException("not a tar archive (header checksum mismatch)");
    }
  }

  private static String fullName(byte[] h) {
    String name = text(h, 0, 100);
    String prefix = text(h, 257, 6).startsWith("ustar") ? text(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String text(byte[] b, int at, int len) {
    int end = at;
    while (end < at + len && b[end] != 0) {
      end++;
    }
    return new String(b, at, end - at, StandardCharsets.UTF_8);
  }

  private static long number(byte[] h, int at, int len) {
    String s = text(h, at, len).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  private static Map<String, String> pax(byte[] data) {
    Map<String, String> out = new HashMap<>();
    String all = new String(data, StandardCharsets.UTF_8);
    int i = 0;
    while (i < all.length()) {
      int space = all.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      int len = Integer.parseInt(all.substring(i, space));
      String record = all.substring(space + 1, Math.min(all.length(), i + len - 1));
      int eq = record.indexOf('=');
      if (eq > 0) {
        out.put(record.substring(0, eq), record.substring(eq + 1));
      }
      i += len;
    }
    return out;
  }
}
