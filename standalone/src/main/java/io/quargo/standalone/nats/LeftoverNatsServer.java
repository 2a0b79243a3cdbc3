package io.quargo.standalone.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A child nats-server that outlived its JVM (killed with SIGKILL, or crashed). It still serves our store
 * directory; a second server on the same store would corrupt it, so it is stopped before a new start.
 * Only called while holding the store lock, so no live quargo server owns it.
 */
final class LeftoverNatsServer {
  private static final Logger LOG = Logger.getLogger(LeftoverNatsServer.class);

  private LeftoverNatsServer() {}

  static void stopIfRunning(Path pidFile, Path storeDir) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(p -> p.isAlive() && servesStore(p, storeDir))
        .ifPresent(LeftoverNatsServer::stop);
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // no pid file, or a torn one: nothing to stop
    }
  }

  // the pid may have been reused by an unrelated process; only a nats-server on our store is ours
  private static boolean servesStore(ProcessHandle process, Path storeDir) {
    String commandLine = process.info().commandLine().orElse("");
    return commandLine.contains("nats-server") && commandLine.contains(storeDir.toString());
  }

  private static void stop(ProcessHandle process) {
    LOG.warnf("stopping nats-server pid %d left over from an earlier run on %s", process.pid(), process.info().commandLine().orElse("?"));
    process.destroy();
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
