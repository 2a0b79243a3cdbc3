package io.quargo.workflow.executor;

/**
 * Runs leaf nodes (DESIGN §5): the local executor as host processes, the pod executor as Kubernetes Pods.
 * {@link #start} returns at once; the listener hears the rest.
 */
public interface Executor extends AutoCloseable {
  RunningTask start(ExecutionTask task, ExecutionListener listener);

  /** Kills every running task (each reports Error) and releases resources. */
  @Override
  void close();

  /** A started task. */
  interface RunningTask {
    /**
     * Stops the task (stop/terminate/deadline): its process tree is killed and it finishes with phase
     * {@code Failed} and the given message. No effect once finished.
     */
    void kill(String message);
  }
}
