package io.quargo.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against a server address, capturing exit code, stdout and stderr. */
public final class CliRun {
  public static final Instant NOW = Instant.parse("2026-11-21T10:02:00Z");

  public record Result(int code, String out, String err) {}

  private final Map<String, String> env = new HashMap<>();
  private String stdin = "";
  private boolean terminal;

  public CliRun(String hostPort) {
    env.put("ARGO_SERVER", hostPort);
  }

  public CliRun env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  public CliRun terminal() {
    this.terminal = true;
    return this;
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Context ctx = new Context(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
        Clock.fixed(NOW, ZoneOffset.UTC), terminal);
    int code = QuargoCli.run(ctx, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
