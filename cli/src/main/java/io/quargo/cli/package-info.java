/**
 * The {@code quargo} command line: argo's verbs against a server over HTTP only (DESIGN §1).
 *
 * <p>Kept from argo: verb and flag names (submit, list, get, logs, lint, delete, retry, resubmit,
 * resume, suspend, stop, terminate, wait, watch, template, cluster-template, cron), ARGO_SERVER /
 * ARGO_TOKEN / ARGO_SECURE / ARGO_BASE_HREF, the Argo Server REST API and its JSON, the get/watch tree.
 * Differences: no kubeconfig mode (HTTP only), kubectl-style
 * {@code apply -f}, {@code get KIND [NAME]} and {@code delete KIND NAME} for every kind, and exit code 2
 * for usage errors. Failures are one line on stderr, never a stack trace.
 */
package io.quargo.cli;
