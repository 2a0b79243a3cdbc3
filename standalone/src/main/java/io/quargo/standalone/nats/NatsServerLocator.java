package io.quargo.standalone.nats;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the nats-server binary, in the order bin/ensure-nats-server uses: {@code $nats_server_path},
 * each {@code PATH} entry, {@code /usr/sbin/nats-server} (Debian's package), then
 * {@code ~/.cache/quargo/nats-server/usr/sbin/nats-server} (where bin/ensure-nats-server extracts the
 * package without root).
 */
public final class NatsServerLocator {
  public static final String PATH_ENV = "nats_server_path";
  static final String HINT = "run bin/ensure-nats-server to install one, or set NATS_URL to a NATS server with JetStream";

  private final Map<String, String> env;
  private final Path home;
  private final List<Path> systemPaths;

  NatsServerLocator(Map<String, String> env, Path home, List<Path> systemPaths) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.systemPaths = List.copyOf(systemPaths);
  }

  /** Looks where this process's environment and home directory say. */
  public static NatsServerLocator fromEnvironment() {
    return new NatsServerLocator(System.getenv(), Path.of(System.getProperty("user.home")),
        List.of(Path.of("/usr/sbin/nats-server")));
  }

  /** The binary to run, or a one-line error naming where it looked and what to do. */
  public Path locate() {
    String explicit = env.get(PATH_ENV);
    if (explicit != null && !explicit.isBlank()) {
      // an explicit choice that is wrong is an error, not a reason to silently run another binary
      Path path = Path.of(explicit);
      if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
        throw new ChildNatsServerException(PATH_ENV + "=" + explicit + " is not an executable file; point it at a nats-server binary, or unset it and " + HINT);
      }
      return path;
    }
    return find().orElseThrow(() -> new ChildNatsServerException(
        "no nats-server binary found (looked in PATH, " + systemPaths + " and " + userInstall() + "); " + HINT));
  }

  /** The first executable candidate, if any. */
  public Optional<Path> find() {
    return candidates().stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  List<Path> candidates() {
    List<Path> paths = new ArrayList<>();
    String explicit = env.get(PATH_ENV);
    if (explicit != null && !explicit.isBlank()) {
      paths.add(Path.of(explicit));
    }
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        paths.add(Path.of(dir, "nats-server"));
      }
    }
    paths.addAll(systemPaths);
    paths.add(userInstall());
    return paths;
  }

  private Path userInstall() {
    return home.resolve(".cache/quargo/nats-server/usr/sbin/nats-server");
  }
}
