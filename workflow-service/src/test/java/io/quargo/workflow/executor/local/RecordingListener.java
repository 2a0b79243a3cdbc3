package io.quargo.workflow.executor.local;

import static org.awaitility.Awaitility.await;

import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Records what an executor reports, and waits for the end. */
final class RecordingListener implements ExecutionListener {
  final AtomicReference<Instant> started = new AtomicReference<>();
  final List<String> lines = new CopyOnWriteArrayList<>();
  final AtomicReference<ExecutionResult> result = new AtomicReference<>();
  final AtomicInteger finishedCalls = new AtomicInteger();

  @Override
  public void started(Instant at) {
    started.set(at);
  }

  @Override
  public void log(String stream, String line) {
    lines.add(stream + ": " + line);
  }

  @Override
  public void finished(ExecutionResult r) {
    finishedCalls.incrementAndGet();
    result.set(r);
  }

  ExecutionResult awaitResult() {
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(60))
        .until(() -> result.get() != null);
    return result.get();
  }

  List<String> stdout() {
    return lines.stream().filter(l -> l.startsWith("stdout: ")).map(l -> l.substring(8)).toList();
  }

  List<String> stderr() {
    return lines.stream().filter(l -> l.startsWith("stderr: ")).map(l -> l.substring(8)).toList();
  }
}
