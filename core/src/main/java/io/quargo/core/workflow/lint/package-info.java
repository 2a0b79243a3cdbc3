/**
 * {@code argo lint} for Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow
 * ({@link io.quargo.core.workflow.lint.WorkflowLinter}). Every finding has source:line:column, the JSON path and a
 * message saying how to fix it.
 *
 * <p>Checked (errors): entrypoint required (Workflow, CronWorkflow; not when {@code workflowTemplateRef} is used)
 * and existing; entrypoint input parameters without value/default/valueFrom must be in
 * {@code spec.arguments.parameters} (an argument without value is accepted, as lint allows values at submit);
 * arguments of calls to local or resolved templates ("was not supplied"); unique template, step (per template,
 * across groups) and task names; step/task/hook/onExit template references; {@code templateRef} through a
 * {@link io.quargo.core.workflow.lint.TemplateResolver} (a warning when the WorkflowTemplate is not loaded);
 * DAG {@code dependencies}/{@code depends} syntax, unknown tasks, both at once, {@code target} names, cycles;
 * {@code when} parsed with govaluate as Argo does after substitution, each tag standing for one opaque word;
 * {@code {{= }}} tags and hook {@code expression}s compiled with expr; unclosed {@code {{}.
 *
 * <p>Variables are checked conservatively, in simple tags only: unknown roots (outside Argo's catalogue),
 * undeclared {@code inputs.parameters.X}/{@code inputs.artifacts.X} of the enclosing template, unknown
 * {@code steps.X}/{@code tasks.X} inside a steps/DAG template, and {@code workflow.parameters.X} not in a
 * Workflow's own arguments. Not checked: names inside {@code {{= }}} expressions, output names of other
 * steps, variables valid only in some fields (e.g. {@code retries} outside container templates), inline templates'
 * names, templates inside resolved WorkflowTemplates beyond their existence and inputs.
 */
package io.quargo.core.workflow.lint;
