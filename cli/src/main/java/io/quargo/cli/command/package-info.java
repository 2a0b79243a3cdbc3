/**
 * One picocli command per argo verb. Exit codes: 0 success (for wait and submit/retry/resubmit with
 * --wait, --watch or --log: the workflow Succeeded), 1 failure, 2 usage error. wait and watch follow the
 * workflow-events stream, read the current state first and reconnect if the server closes the stream.
 */
package io.quargo.cli.command;
