package io.quargo.core.workflow.manifest;

import io.quargo.core.resource.Resource;

/**
 * One document of a manifest file: the resource as written (unknown fields kept) and where each value was.
 *
 * @param index 0-based position of the document in its file
 */
public record ManifestDocument(Resource resource, PositionIndex positions, int index) {
  public String source() {
    return positions.source();
  }
}
