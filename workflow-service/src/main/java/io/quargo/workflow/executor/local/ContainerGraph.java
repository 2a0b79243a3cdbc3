package io.quargo.workflow.executor.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run order of a node's containers: a container starts once every container it depends on exited 0; a
 * container whose dependency failed (or never ran) does not run, as in a containerSet. Pure bookkeeping, not
 * thread-safe; the owner synchronises.
 */
final class ContainerGraph {
  enum State { WAITING, RUNNING, SUCCEEDED, FAILED, NOT_RUN }

  private final Map<String, ContainerSpec> specs = new LinkedHashMap<>();
  private final Map<String, State> states = new LinkedHashMap<>();

  /** @throws TemplateError for a dependency on an unknown container or a dependency cycle */
  ContainerGraph(List<ContainerSpec> containers, TemplateReader reader) throws TemplateError {
    for (ContainerSpec c : containers) {
      if (specs.put(c.name(), c) != null) {
        throw reader.error(c.where() + ".name '" + c.name() + "' is used twice", "give each container its own name");
      }
      states.put(c.name(), State.WAITING);
    }
    for (ContainerSpec c : containers) {
      for (String d : c.dependencies()) {
        if (!specs.containsKey(d)) {
          throw reader.error(c.where() + ".dependencies names '" + d + "', which is not a container of this set",
              "use one of " + specs.keySet());
        }
      }
    }
    checkAcyclic(reader);
  }

  private void checkAcyclic(TemplateReader reader) throws TemplateError {
    Map<String, Integer> mark = new LinkedHashMap<>();
    for (String name : specs.keySet()) {
      if (visit(name, mark)) {
        throw reader.error("containerSet dependencies form a cycle through '" + name + "'", "remove one dependency");
      }
    }
  }

  /** Depth-first; true when a cycle is found (mark 1 = on the path, 2 = done). */
  private boolean visit(String name, Map<String, Integer> mark) {
    Integer m = mark.get(name);
    if (m != null) {
      return m == 1;
    }
    mark.put(name, 1);
    for (String d : specs.get(name).dependencies()) {
      if (visit(d, mark)) {
        return true;
      }
    }
    mark.put(name, 2);
    return false;
  }

  /**
   * The containers that may start now, marked RUNNING; containers that can never run are marked NOT_RUN.
   *
   * @param stopping true once the node is being killed: nothing new starts
   */
  List<ContainerSpec> takeReady(boolean stopping) {
    List<ContainerSpec> ready = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ContainerSpec c : specs.values()) {
        if (states.get(c.name()) != State.WAITING) {
          continue;
        }
        State blocked = blockedBy(c, stopping);
        if (blocked == State.NOT_RUN) {
          states.put(c.name(), State.NOT_RUN);
          changed = true;
        } else if (blocked == null) {
          states.put(c.name(), State.RUNNING);
          ready.add(c);
        }
      }
    }
    return ready;
  }

  /** NOT_RUN if it never can run, WAITING if it must wait, null if it can start now. */
  private State blockedBy(ContainerSpec c, boolean stopping) {
    if (stopping) {
      return State.NOT_RUN;
    }
    State verdict = null;
    for (String d : c.dependencies()) {
      State s = states.get(d);
      if (s == State.FAILED || s == State.NOT_RUN) {
        return State.NOT_RUN;
      }
      if (s != State.SUCCEEDED) {
        verdict = State.WAITING;
      }
    }
    return verdict;
  }

  void finished(String name, boolean succeeded) {
    states.put(name, succeeded ? State.SUCCEEDED : State.FAILED);
  }

  /** True when no container is waiting or running. */
  boolean allDone() {
    return states.values().stream().noneMatch(s -> s == State.WAITING || s == State.RUNNING);
  }

  State state(String name) {
    return states.get(name);
  }
}
