/**
 * Workflow-engine benchmarks (issue 4). Plain mains, not JMH: one 10,000-node run takes far longer than a JMH
 * iteration, and each figure needs a check that the run really succeeded.
 *
 * <p>Every speed is a ratio against a baseline measured in the same JVM, never an absolute target:
 * {@link io.quargo.bench.workflow.EngineBench} puts the engine (through the real {@code WorkflowRunner}, with an
 * {@link io.quargo.bench.workflow.InstantExecutor} that succeeds at once) against Kahn's algorithm over the same
 * manifest ({@link io.quargo.bench.workflow.TopologicalBaseline}), and
 * {@link io.quargo.bench.workflow.LocalExecutorLoad} puts 500 concurrent two-task workflows on the real local
 * executor against the same process launches done directly. {@link io.quargo.bench.workflow.ChainDepth} finds
 * how deep a DAG the engine's recursion survives. Argo has no such benchmark to keep; what we keep is
 * Argo's semantics in the measured path (the engine is run unchanged on ordinary argoproj.io/v1alpha1 manifests).
 * See {@code docs/benchmarks-workflow.md} for figures and where the time goes.
 */
package io.quargo.bench.workflow;
