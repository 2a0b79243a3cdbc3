package io.quargo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * argo accepts global flags before the verb ({@code argo -n team list}); ours live on each verb, so
 * global flags given before the verb are moved after the verb path (verb, and a group's verb).
 */
final class GlobalArgs {
  private static final Set<String> WITH_VALUE = Set.of("-s", "--argo-server", "-n", "--namespace", "--token",
      "-H", "--header");
  private static final Set<String> FLAGS = Set.of("-e", "--secure", "--no-color");
  private static final Set<String> GROUPS = Set.of("template", "cluster-template", "cron");

  private GlobalArgs() {}

  static String[] reorder(String[] args) {
    List<String> globals = new ArrayList<>();
    int i = 0;
    while (i < args.length && isGlobal(args[i])) {
      globals.add(args[i]);
      if (WITH_VALUE.contains(args[i]) && i + 1 < args.length) {
        globals.add(args[++i]);
      }
      i++;
    }
    if (globals.isEmpty() || i == args.length) {
      return args;
    }
    List<String> out = new ArrayList<>();
    out.add(args[i]);
    int rest = i + 1;
    if (GROUPS.contains(args[i]) && rest < args.length && !args[rest].startsWith("-")) {
      out.add(args[rest++]);
    }
    out.addAll(globals);
    out.addAll(List.of(args).subList(rest, args.length));
    return out.toArray(String[]::new);
  }

  private static boolean isGlobal(String arg) {
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    return WITH_VALUE.contains(name) || FLAGS.contains(name);
  }
}
