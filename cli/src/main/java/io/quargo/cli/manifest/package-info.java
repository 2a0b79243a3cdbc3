/**
 * Manifests read as kubectl reads them (multi-document YAML, JSON, directories, stdin) and argo
 * submit's options applied to a Workflow as argo's ApplySubmitOpts does (a -p replaces the argument of
 * that name, others are kept). Ours: every object remembers its file and first line for messages.
 */
package io.quargo.cli.manifest;
