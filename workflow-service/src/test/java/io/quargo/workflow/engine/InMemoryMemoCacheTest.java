package io.quargo.workflow.engine;

/** The in-memory cache of {@code quargo run} passes the shared contract. */
class InMemoryMemoCacheTest extends MemoCacheContract {
  @Override
  protected MemoCache cache() {
    return new InMemoryMemoCache();
  }
}
