package io.quargo.cli.command;

import picocli.CommandLine.Option;

/** What submit, retry and resubmit do after the server accepted: print, then wait, watch or follow logs. */
public final class FollowOptions {
  @Option(names = {"-w", "--wait"}, description = "wait for completion; exit code 0 iff Succeeded")
  boolean wait;

  @Option(names = "--watch", description = "watch until it completes")
  boolean watch;

  @Option(names = "--log", description = "print the logs until it completes")
  boolean log;

  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;
}
