package io.quargo.core.resource;

/** The in-memory fake passes the same contract as the real stores. */
class InMemoryResourceStoreTest extends ResourceStoreContract {
  @Override
  protected ResourceStore createStore() {
    return new InMemoryResourceStore();
  }
}
