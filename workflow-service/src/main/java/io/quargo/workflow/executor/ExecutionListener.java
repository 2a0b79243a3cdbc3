package io.quargo.workflow.executor;

import java.time.Instant;

/** What an executor tells the engine about one task; called from any thread, {@link #finished} exactly once. */
public interface ExecutionListener {
  void started(Instant at);

  /** One line of output, without its line terminator; {@code stream} is {@code stdout} or {@code stderr}. */
  void log(String stream, String line);

  void finished(ExecutionResult result);
}
