/**
 * Argo Server's REST API (the grpc-gateway JSON of {@code api/openapi-spec/swagger.json}) in the standalone
 * server: workflows, workflow templates, cluster workflow templates, cron workflows, the workflow watch and
 * logs, plus EventSources and Sensors for {@code quargo apply}. JAX-RS classes are thin; the logic is in plain
 * classes ({@code *Api}, {@link io.quargo.standalone.api.WorkflowLogs},
 * {@link io.quargo.standalone.api.WorkflowEventStream}) over the resource store and the workflow controller.
 *
 * <p>Argo's behaviour kept: request and answer shapes, errors as {@code {"code":<gRPC code>,"message":..}} with
 * grpc-gateway's HTTP statuses (3 InvalidArgument 400, 5 NotFound 404, 6 AlreadyExists 409, 10 Aborted 409 for
 * a stale resourceVersion, 9 FailedPrecondition 400 for an action the workflow's state forbids, 16
 * Unauthenticated 401), validation on create, generateName suffixes, {@code <old>-xxxxx} on resubmit, labels
 * set on submit-from-template, streamed answers as newline-delimited {@code {"result":..}} objects (server-sent
 * events on {@code Accept: text/event-stream}).
 *
 * <p>Our differences: bodies are read by hand so a bad one is answered with its JSON path and a fix, never a
 * binding exception; {@code workflows.argoproj.io/phase} and {@code /completed} selectors match the status
 * (the controller does not write those labels); the watch is fed by lifecycle events on the bus and does not
 * report deletions; logs come from the local executor's files; an update without resourceVersion applies to
 * the stored version (for {@code quargo apply}); off loopback a bearer token is mandatory.
 */
package io.quargo.standalone.api;
