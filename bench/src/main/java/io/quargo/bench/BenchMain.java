package io.quargo.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the eventbus benchmarks and the raw-jnats baselines in one JMH run, then prints each
 * eventbus figure as a ratio of its baseline. Arguments are passed to JMH (e.g. {@code -wi 2 -i 3}).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).shouldFailOnError(true);
    if (cli.getIncludes().isEmpty()) {
      options.include(BenchMain.class.getPackageName() + ".*Benchmark");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println(report(results));
  }

  static String report(Collection<RunResult> results) {
    Map<String, Map<String, RunResult>> byBenchmark = new TreeMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      String group = label.substring(0, label.lastIndexOf('.'));
      byBenchmark.computeIfAbsent(group, g -> new TreeMap<>())
          .put(label.substring(label.lastIndexOf('.') + 1), result);
    }
    StringBuilder out = new StringBuilder("\n== eventbus vs raw jnats (same run) ==\n");
    byBenchmark.forEach((group, variants) -> {
      RunResult raw = variants.get("rawJnats");
      RunResult bus = variants.get("eventbus");
      if (raw == null || bus == null) {
        return;
      }
      double rawScore = raw.getPrimaryResult().getScore();
      double busScore = bus.getPrimaryResult().getScore();
      String unit = bus.getPrimaryResult().getScoreUnit();
      out.append(String.format(Locale.ROOT, "%s%n  raw jnats: %.1f %s (± %.1f)%n  eventbus:  %.1f %s (± %.1f)%n",
          group.substring(group.lastIndexOf('.') + 1), rawScore, unit, raw.getPrimaryResult().getScoreError(),
          busScore, unit, bus.getPrimaryResult().getScoreError()));
      out.append(String.format(Locale.ROOT, "  ratio eventbus/raw: %.3f%s%n", busScore / rawScore,
          unit.contains("/op") ? " (time per op: lower is better)" : " (throughput: higher is better)"));
    });
    return out.toString();
  }
}
