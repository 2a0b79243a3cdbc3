package io.quargo.standalone.nats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** util-linux {@code setsid}, when the system has it (every Linux does; macOS does not, and copes without). */
final class SetSid {
  private SetSid() {}

  static Optional<Path> path() {
    return Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
  }
}
