/**
 * Reading Argo manifests: {@link io.quargo.core.workflow.manifest.ManifestLoader} turns YAML or JSON text (one or
 * several documents) into {@link io.quargo.core.resource.Resource}s, each with a
 * {@link io.quargo.core.workflow.manifest.PositionIndex} from JSON paths such as
 * {@code spec.templates[2].dag.tasks[0].depends} to file line:column, so every later error can point into the
 * file. No file I/O: callers pass the text and a source name.
 *
 * <p>Known gaps: YAML anchors/aliases and merge keys ({@code <<}) are not expanded (Jackson's YAML parser does not
 * support them); positions inside folded plain scalars that span lines are approximate.
 */
package io.quargo.core.workflow.manifest;
