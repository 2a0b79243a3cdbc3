package io.quargo.cli;

import java.io.Console;
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
    boolean tty = isTerminal() && System.getenv("NO_COLOR") == null;
    return new Context(System.out, System.err, System.in, System.getenv(), Clock.systemUTC(), tty);
  }

  /**
   * Java 17: a console exists only when stdin and stdout are terminals. From Java 22 one may exist
   * anyway, and Console.isTerminal() (looked up, as it is not in 17) says whether it really is one.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return true;
    }
  }

  public ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
