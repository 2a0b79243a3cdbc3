package io.quargo.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may touch outside itself: streams, environment, clock and whether stdout is a
 * terminal (colours and redrawing only then). Tests pass their own.
 */
public record Context(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Clock clock,
    boolean terminal) {

  public static Context system() {
    boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
    return new Context(System.out, System.err, System.in, System.getenv(), Clock.systemUTC(), tty);
  }

  public ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
