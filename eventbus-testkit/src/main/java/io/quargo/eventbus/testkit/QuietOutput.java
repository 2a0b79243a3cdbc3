package io.quargo.eventbus.testkit;

import io.nats.Output;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps nats-server's start-up banner out of test logs; errors and warnings still reach stderr. */
final class QuietOutput implements Output {
  @Override
  public void setLevel(Level level) {}

  @Override
  public void error(Supplier<String> message) {
    error(message.get());
  }

  @Override
  public void error(String message) {
    System.err.println("[nats-server] " + message);
  }

  @Override
  public void warning(Supplier<String> message) {
    warning(message.get());
  }

  @Override
  public void warning(String message) {
    System.err.println("[nats-server] " + message);
  }

  @Override
  public void info(Supplier<String> message) {}

  @Override
  public void info(String message) {}

  @Override
  public boolean isLogger() {
    return false;
  }

  @Override
  public Logger getLogger() {
    return null;
  }
}
