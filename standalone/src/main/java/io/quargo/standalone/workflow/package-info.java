/**
 * The workflow side of the standalone server, wired once per process: resources in NATS KV
 * ({@code NatsResourceStore}), steps run as local processes under {@code <data-dir>/executor}, phase changes
 * published as CloudEvents on {@code lifecycle.<ns>.workflow.<name>} (the LIFECYCLE stream is ensured at
 * startup), and the {@code WorkflowController} that runs what is stored and resumes unfinished workflows after a
 * restart. Argo runs workflows as pods from a Kubernetes controller; here everything is one JVM and its
 * children, and a lifecycle event that fails to publish is logged, not retried (the stored status stays the
 * record a watcher re-reads).
 */
package io.quargo.standalone.workflow;
