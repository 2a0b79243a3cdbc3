package io.quargo.eventsource.resource;

import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import java.util.List;

/** EventSources written as YAML for the resource tests. */
final class Sources {
  private Sources() {}

  static Resource eventSource(String resourceSection) {
    String indented = resourceSection.stripIndent().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    return ManifestLoader.load("""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata: {name: cluster, namespace: argo-events}
        spec:
          resource:
        """ + indented, "resource.yaml").get(0).resource();
  }

  static List<ResourceSource> parse(String resourceSection) {
    return new ResourceSpecParser().parse(eventSource(resourceSection));
  }

  static ResourceSource one(String entry) {
    String indented = entry.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    return parse("example:\n" + indented).get(0);
  }
}
