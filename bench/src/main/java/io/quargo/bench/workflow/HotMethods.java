package io.quargo.bench.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the engine's time goes, from a JFR recording of {@link EngineBench} (JDK 17 has no {@code jfr view}):
 * counts execution samples whose stack is inside {@code WorkflowRunner.run}, and prints for each Quargo method the
 * share of those samples it is on the stack of (inclusive), with its three hottest call sites.
 *
 * <p>Usage: {@code HotMethods recording.jfr [top=25]}. Record with
 * {@code -XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=filename=x.jfr,settings=profile}: the
 * engine recurses along {@code depends}, and the default depth of 64 frames cuts the stacks short.
 */
public final class HotMethods {
  private HotMethods() {}

  public static void main(String[] args) throws IOException {
    BenchArgs in = new BenchArgs("HotMethods", "HotMethods recording.jfr [top=25]", args);
    Path recording = Path.of(in.required(0, "recording.jfr"));
    int top = in.count(1, "top", 25);
    if (!java.nio.file.Files.isReadable(recording)) {
      throw in.fail("cannot read the recording " + recording.toAbsolutePath());
    }
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Map<String, Integer>> callers = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.stream().noneMatch(f -> name(f).endsWith("WorkflowRunner.run"))) {
        continue;
      }
      samples++;
      count(frames, inclusive, callers);
    }
    if (samples == 0) {
      System.out.println("no samples inside WorkflowRunner.run in " + recording);
      return;
    }
    System.out.printf(Locale.ROOT, "%d samples inside WorkflowRunner.run%n%7s  %-60s %s%n", samples, "incl.",
        "method", "hottest call sites (share of its samples)");
    int total = samples;
    inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(m -> System.out.printf(Locale.ROOT, "%6.1f%%  %-60s %s%n", 100.0 * m.getValue() / total,
            m.getKey(), hottest(callers.get(m.getKey()))));
  }

  /** Each Quargo method once per sample (recursion would count it many times), with the frame that called it. */
  private static void count(List<RecordedFrame> frames, Map<String, Integer> inclusive,
      Map<String, Map<String, Integer>> callers) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < frames.size(); i++) {
      String method = name(frames.get(i));
      if (!method.startsWith("io.quargo.workflow") || !seen.add(method)) {
        continue;
      }
      inclusive.merge(method, 1, Integer::sum);
      if (i + 1 < frames.size()) {
        RecordedFrame caller = frames.get(i + 1);
        callers.computeIfAbsent(method, k -> new HashMap<>())
            .merge(shortName(name(caller)) + ":" + caller.getLineNumber(), 1, Integer::sum);
      }
    }
  }

  private static String hottest(Map<String, Integer> sites) {
    if (sites == null) {
      return "";
    }
    int all = sites.values().stream().mapToInt(Integer::intValue).sum();
    return String.join(", ", sites.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
        .map(s -> s.getKey() + " " + Math.round(100.0 * s.getValue() / all) + "%").toList());
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static String shortName(String method) {
    int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
    return method.substring(dot + 1);
  }
}
