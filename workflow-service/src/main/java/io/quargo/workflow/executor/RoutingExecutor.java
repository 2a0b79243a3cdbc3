package io.quargo.workflow.executor;

/**
 * Hands {@code http} templates to the in-process HTTP executor and everything else to the leaf executor (local
 * processes or pods), as Argo sends HTTP templates to its agent instead of a pod.
 */
public final class RoutingExecutor implements Executor {
  private final Executor leaves;
  private final Executor http;

  public RoutingExecutor(Executor leaves, Executor http) {
    this.leaves = leaves;
    this.http = http;
  }

  @Override
  public RunningTask start(ExecutionTask task, ExecutionListener listener) {
    return (task.template().has("http") ? http : leaves).start(task, listener);
  }

  @Override
  public void close() {
    http.close();
    leaves.close();
  }
}
