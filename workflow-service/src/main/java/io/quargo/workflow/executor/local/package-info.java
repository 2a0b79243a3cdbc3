/**
 * The local executor: each leaf node of a workflow runs as host processes, no container runtime, no image pulled
 * (DESIGN §5). {@link io.quargo.workflow.executor.local.LocalExecutor} is the entry point; the mechanism and its
 * limits are described in {@code docs/local-executor.md}.
 *
 * <p>Argo's behaviour kept: argv is {@code command + args} (or the image's entrypoint + cmd when there is no
 * command, from {@link io.quargo.workflow.executor.local.ImageMap}); a script template writes {@code source} to
 * {@code /argo/staging/script} and runs {@code command + [that file]}; {@code env} values; {@code workingDir};
 * input artifacts (raw, http, from the artifact repository) at their {@code path}; output parameters from {@code valueFrom.path} with one
 * trailing newline trimmed and {@code valueFrom.default} for a missing file; output artifacts archived to the
 * artifact repository; {@code outputs.result}
 * = stdout only, last 256 kB, one trailing newline trimmed, only when asked for; a non-zero exit is
 * {@code Failed} "Error (exit code N)"; {@code activeDeadlineSeconds} kills the node with Kubernetes' "Pod was
 * active on the node longer than the specified deadline"; a kill takes the whole process tree (SIGTERM, SIGKILL
 * after a grace period), and what the main process leaves behind dies with it (one process group per node, via
 * {@code setsid}); containerSet containers run in {@code dependencies} order, in parallel where possible.
 *
 * <p>Ours: a node's private file system is {@code <root>/<namespace>/<nodeId>/fs}; every absolute path the
 * template names (always {@code /tmp}; parameter and artifact paths, volume mounts, workingDir, the script file)
 * lives under it, and those path prefixes are rewritten, as whole path components, inside command, args, script
 * source and env values. TMPDIR and HOME point into the node directory; the cwd is the mapped workingDir or the fs
 * root. This needs no root and no namespaces, but it is not isolation: a path a program builds at run time, or one
 * the template never names (say {@code /data} written by a script), is the host's own. Built-in {@code argosay},
 * {@code cowsay} and {@code python}/{@code python3} (the host's Python 3) come first on PATH. Messages for
 * unrunnable templates name the field ({@code template 'x': container.env[1].valueFrom.secretKeyRef ...}) and end
 * the node in {@code Error}. Not done: Kubernetes' {@code $(VAR)} expansion in command/args, artifact {@code mode},
 * {@code securityContext}, resource limits, sidecars, init containers, secrets and config maps.
 */
package io.quargo.workflow.executor.local;
