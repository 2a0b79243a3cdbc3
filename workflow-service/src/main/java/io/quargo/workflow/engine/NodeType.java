package io.quargo.workflow.engine;

/** Argo's node types ({@code NodeType} in workflow_types.go). */
public enum NodeType {
  Pod, Container, Steps, StepGroup, DAG, TaskGroup, Retry, Skipped, Suspend, HTTP, Plugin
}
