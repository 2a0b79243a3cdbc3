package io.quargo.workflow.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code quargo run FILE [-p k=v]... [--parameter-file F] [--entrypoint E] [--templates F]... [-o json]}. */
record RunOptions(Path file, Map<String, String> parameters, String entrypoint, List<Path> templates,
    boolean json) {

  static final String USAGE = """
      Usage: quargo run FILE [options]

      Runs one Workflow to completion in this process, with no server: steps run as local processes,
      the live node tree and the logs are printed, and the exit code is 0 iff the workflow Succeeded.

      Options:
        -p, --parameter NAME=VALUE   set a workflow argument (repeatable)
        -f, --parameter-file FILE    YAML or JSON object of workflow arguments
        -e, --entrypoint NAME        run this template instead of spec.entrypoint
        -t, --templates FILE         load WorkflowTemplates / ClusterWorkflowTemplates from FILE (repeatable);
                                     those in FILE itself are always loaded
        -o, --output json            print the final Workflow (metadata, spec, status) as JSON
      """;

  /** Parses; {@link IllegalArgumentException} with a message meant for the user. */
  static RunOptions parse(String[] args) {
    Path file = null;
    Map<String, String> params = new LinkedHashMap<>();
    String entrypoint = null;
    List<Path> templates = new ArrayList<>();
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-p", "--parameter" -> parameter(value(args, ++i, a), params);
        case "-f", "--parameter-file" -> parameterFile(Path.of(value(args, ++i, a)), params);
        case "-e", "--entrypoint" -> entrypoint = value(args, ++i, a);
        case "-t", "--templates" -> templates.add(Path.of(value(args, ++i, a)));
        case "-o", "--output" -> {
          String o = value(args, ++i, a);
          if (!o.equals("json")) {
            throw new IllegalArgumentException("-o supports json only, got '" + o + "'");
          }
          json = true;
        }
        default -> {
          if (a.startsWith("-p") && a.length() > 2) {
            parameter(a.substring(2), params);
          } else if (a.startsWith("-")) {
            throw new IllegalArgumentException("unknown option '" + a + "'");
          } else if (file != null) {
            throw new IllegalArgumentException("one FILE only; got '" + file + "' and '" + a + "'");
          } else {
            file = Path.of(a);
          }
        }
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("FILE is missing");
    }
    return new RunOptions(file, params, entrypoint, templates, json);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static void parameter(String kv, Map<String, String> params) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("-p expects NAME=VALUE, got '" + kv + "'");
    }
    params.put(kv.substring(0, eq), kv.substring(eq + 1));
  }

  private static void parameterFile(Path file, Map<String, String> params) {
    try {
      var tree = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Files.readString(file));
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException(file + ": a parameter file must hold an object of name: value");
      }
      tree.fields().forEachRemaining(e -> params.put(e.getKey(),
          e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read parameter file " + file + ": " + e.getMessage());
    }
  }
}
