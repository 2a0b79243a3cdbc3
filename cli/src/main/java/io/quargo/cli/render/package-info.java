/**
 * Output as argo prints it: get's "%-20s" summary and the STEP/TEMPLATE/PODNAME/DURATION/MESSAGE tree
 * (step groups and single-attempt retries hidden, ├─ └─ ┬─ connectors, ✔ ● ✖ ⚠ ○ ◷ symbols, colour only
 * on a terminal), list's table, and -o json|yaml. Pod names follow POD_NAMES v2 unless the workflow is
 * annotated v1. Durations are approximations of argo's humanised forms.
 */
package io.quargo.cli.render;
