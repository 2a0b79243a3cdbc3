package io.quargo.workflow.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Argo's {@code archive} strategies for output artifacts and its unpacking of input artifacts. By default
 * ({@code tar}) the file or directory is a gzipped tar whose one top entry is the path's base name, stored as
 * {@code <artifact-name>.tgz}; {@code none} stores the file or tree as it is under the path's base name;
 * {@code zip} stores {@code <artifact-name>.zip}. On input, a downloaded gzipped tar or zip is unpacked at the
 * artifact's path: its single top entry becomes the path, several entries become a directory there.
 */
public final class Archives {
  private Archives() {}

  /** The last segment of the key an output artifact is saved under. */
  public static String fileName(JsonNode artifact) {
    JsonNode archive = artifact.path("archive");
    if (archive.has("none")) {
      return baseName(artifact.path("path").asText());
    }
    String name = artifact.path("name").asText();
    return archive.has("zip") ? name + ".zip" : name + ".tgz";
  }

  /**
   * The file or tree to store for {@code source}: {@code source} itself for {@code none}, else an archive
   * written into {@code scratch} (a directory).
   */
  public static Path pack(JsonNode artifact, Path source, Path scratch) throws IOException {
    JsonNode archive = artifact.path("archive");
    if (archive.has("none")) {
      return source;
    }
    Files.createDirectories(scratch);
    Path out = scratch.resolve(fileName(artifact));
    String root = baseName(artifact.path("path").asText());
    if (archive.has("zip")) {
      try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
        zip(source, root, zip);
      }
      return out;
    }
    int level = archive.path("tar").path("compressionLevel").asInt(Deflater.DEFAULT_COMPRESSION);
    try (OutputStream gz = new LevelGzip(new BufferedOutputStream(Files.newOutputStream(out)), level)) {
      Tar.write(source, root, gz);
    }
    return out;
  }

  /**
   * Puts a downloaded artifact at {@code target}, unpacking a gzipped tar or a zip as Argo does; anything
   * else is moved there as it is. {@code downloaded} is consumed.
   */
  public static void unpack(Path downloaded, Path target) throws IOException {
    String kind = Files.isDirectory(downloaded) ? "" : kind(downloaded);
    if (kind.isEmpty()) {
      Files.move(downloaded, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmpdir");
    Trees.delete(tmp);
    Files.createDirectories(tmp);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(downloaded))) {
      if (kind.equals("tgz")) {
        Tar.read(new GZIPInputStream(in), tmp);
      } else {
        unzip(in, tmp);
      }
    }
    Files.delete(downloaded);
    List<Path> top;
    try (Stream<Path> s = Files.list(tmp)) {
      top = s.toList();
    }
    if (top.size() == 1) {
      Files.move(top.get(0), target, StandardCopyOption.REPLACE_EXISTING);
      Files.delete(tmp);
    } else {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** "tgz", "zip" or "" by content, as Argo decides whether to unpack. */
  static String kind(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return "zip";
    }
    if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
      return "";
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      byte[] block = in.readNBytes(512);
      return block.length == 512 && Tar.isHeader(block) ? "tgz" : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void zip(Path source, String root, ZipOutputStream zip) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        zip.putNextEntry(new ZipEntry(name(d) + "/"));
        zip.closeEntry();
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          zip.putNextEntry(new ZipEntry(name(file)));
          Files.copy(file, zip);
          zip.closeEntry();
        }
        return FileVisitResult.CONTINUE;
      }

      private String name(Path p) {
        String rel = source.relativize(p).toString();
        return rel.isEmpty() ? root : root + "/" + rel;
      }
    });
  }

  private static void unzip(InputStream in, Path dir) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path at = dir.resolve(e.getName()).normalize();
        if (!at.startsWith(dir)) {
          throw new IOException("zip entry '" + e.getName() + "' points outside the directory it is unpacked into");
        }
        if (e.isDirectory()) {
          Files.createDirectories(at);
        } else {
          Files.createDirectories(at.getParent());
          Files.copy(zip, at, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static String baseName(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    String base = slash < 0 ? p : p.substring(slash + 1);
    return base.isEmpty() ? "root" : base;
  }

  /** gzip with a chosen level; 0 stores without compression, as Argo's {@code compressionLevel: 0}. */
  private static final class LevelGzip extends GZIPOutputStream {
    LevelGzip(OutputStream out, int level) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(level);
    }
  }
}
