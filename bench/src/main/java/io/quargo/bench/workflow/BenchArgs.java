package io.quargo.bench.workflow;

import java.util.Arrays;

/**
 * Positional arguments of the workflow benchmarks, read with a message that names the argument and shows an
 * example instead of a stack trace. A bad argument or a failed run ends the program with {@link #fail}.
 */
final class BenchArgs {
  private final String program;
  private final String usage;
  private final String[] args;

  BenchArgs(String program, String usage, String[] args) {
    this.program = program;
    this.usage = usage;
    this.args = args;
  }

  /** A positive count at {@code index}, or {@code fallback} when absent. */
  int count(int index, String name, int fallback) {
    return args.length > index ? positive(args[index], index, name) : fallback;
  }

  /** Comma-separated positive counts at {@code index}, e.g. {@code 1000,2000}. */
  int[] counts(int index, String name, String fallback) {
    String value = args.length > index ? args[index] : fallback;
    return Arrays.stream(value.split(",")).mapToInt(v -> positive(v.trim(), index, name)).toArray();
  }

  /** A positive number of seconds at {@code index}. */
  double seconds(int index, String name, double fallback) {
    if (args.length <= index) {
      return fallback;
    }
    try {
      double s = Double.parseDouble(args[index]);
      if (s > 0) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below with the usage
    }
    throw fail("argument " + (index + 1) + " (" + name + ") must be a positive number of seconds, got '"
        + args[index] + "'");
  }

  /** A required argument at {@code index}. */
  String required(int index, String name) {
    if (args.length <= index) {
      throw fail("argument " + (index + 1) + " (" + name + ") is missing");
    }
    return args[index];
  }

  private int positive(String value, int index, String name) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the usage
    }
    throw fail("argument " + (index + 1) + " (" + name + ") must be a positive whole number, got '" + value + "'");
  }

  /** Prints what went wrong and the usage, then exits 2; returns an error only so callers can {@code throw}. */
  Error fail(String message) {
    System.err.println(program + ": " + message + System.lineSeparator() + "usage: " + usage);
    System.exit(2);
    return new AssertionError("unreachable");
  }

  /** A benchmark run that did not end as it must: printed without a stack trace, exit 1. */
  static void abort(String program, RuntimeException e) {
    System.err.println(program + ": the benchmark run failed, no figure is valid: " + e.getMessage());
    System.exit(1);
  }
}
