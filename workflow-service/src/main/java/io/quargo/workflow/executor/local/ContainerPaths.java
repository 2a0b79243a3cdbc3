package io.quargo.workflow.executor.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps the absolute container paths a template names into the node's private file system root
 * ({@code <nodeDir>/fs}), and rewrites those paths where they occur in command, args, script source and env.
 *
 * <p>Every mapped prefix {@code P} lives at {@code <fs>/P}, so a rewrite is only "put the fs root in front". A
 * prefix matches only as whole path components: {@code /tmp} matches {@code /tmp}, {@code /tmp/x} and
 * {@code "/tmp"}, never {@code /tmpfoo}, {@code /var/tmp} or {@code http://h/tmp}.
 */
public final class ContainerPaths {
  private final Path fsRoot;
  private final List<String> prefixes;

  private ContainerPaths(Path fsRoot, List<String> prefixes) {
    this.fsRoot = fsRoot;
    this.prefixes = prefixes;
  }

  /**
   * @param fsRoot   the node's file system root, absolute
   * @param declared absolute container paths the template names; {@code /tmp} is always added, {@code /} and
   *                 relative paths are ignored for rewriting (the root is the process's cwd fallback only)
   */
  public static ContainerPaths of(Path fsRoot, Iterable<String> declared) {
    Set<String> unique = new LinkedHashSet<>();
    unique.add("/tmp");
    for (String p : declared) {
      String n = normalise(p);
      if (n != null && !n.equals("/")) {
        unique.add(n);
      }
    }
    List<String> sorted = new ArrayList<>(unique);
    // Longest first, so /tmp/out is tried before /tmp (both map the same way; this only keeps scans short).
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new ContainerPaths(fsRoot.toAbsolutePath().normalize(), List.copyOf(sorted));
  }

  /** The absolute, cleaned form of a container path ({@code //a/./b/} to {@code /a/b}); null if not absolute. */
  static String normalise(String containerPath) {
    if (containerPath == null || !containerPath.startsWith("/")) {
      return null;
    }
    String n = Path.of(containerPath).normalize().toString();
    return n.isEmpty() ? "/" : n;
  }

  public Path fsRoot() {
    return fsRoot;
  }

  /** The container path prefixes that are rewritten, longest first. */
  public List<String> prefixes() {
    return prefixes;
  }

  /** Where an absolute container path lives on the host; any absolute path maps, mapped prefix or not. */
  public Path hostPath(String containerPath) {
    String n = normalise(containerPath);
    if (n == null) {
      throw new IllegalArgumentException("not an absolute container path: " + containerPath);
    }
    return n.equals("/") ? fsRoot : fsRoot.resolve(n.substring(1));
  }

  /** {@code text} with every whole-component occurrence of a mapped prefix moved under the fs root. */
  public String rewrite(String text) {
    if (text == null || text.indexOf('/') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    int i = 0;
    while (i < text.length()) {
      String match = text.charAt(i) == '/' && startsComponent(text, i) ? matchAt(text, i) : null;
      if (match != null) {
        out.append(fsRoot).append(match);
        i += match.length();
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private String matchAt(String text, int at) {
    for (String prefix : prefixes) {
      if (text.startsWith(prefix, at) && endsComponent(text, at + prefix.length())) {
        return prefix;
      }
    }
    return null;
  }

  /** A path starts here only if the previous character cannot be part of a path (so not /var/tmp, h/tmp). */
  private static boolean startsComponent(String text, int at) {
    return at == 0 || !isPathChar(text.charAt(at - 1));
  }

  private static boolean endsComponent(String text, int at) {
    return at == text.length() || text.charAt(at) == '/' || !isNameChar(text.charAt(at));
  }

  private static boolean isPathChar(char c) {
    return c == '/' || isNameChar(c);
  }

  /** Characters that continue a path component name (so /tmp.txt and /tmpfoo are other files). */
  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '~' || c == '+' || c == '@';
  }
}
