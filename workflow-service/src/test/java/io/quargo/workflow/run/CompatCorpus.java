package io.quargo.workflow.run;

import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.manifest.ManifestDocument;
import io.quargo.core.workflow.manifest.ManifestLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The upstream Argo Workflows examples under ../shared/compat and their expectations.tsv rows. */
final class CompatCorpus {
  record Row(String path, String expect, List<String> needsTemplates) {}

  private CompatCorpus() {}

  static Path examplesRoot() {
    return CompatFiles.dir().resolve("argo-workflows");
  }

  static List<Row> runnableRows() {
    List<Row> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(examplesRoot().resolve("expectations.tsv"))) {
        String[] f = line.split("\t", -1);
        if (f.length < 5 || f[0].equals("path") || f[3].equals("lint-only")) {
          continue;
        }
        List<String> needs = f[4].isBlank() ? List.of() : List.of(f[4].split(","));
        rows.add(new Row(f[0], f[3], needs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static List<ManifestDocument> load(Path file) {
    try {
      return ManifestLoader.load(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every WorkflowTemplate and ClusterWorkflowTemplate in the examples: what upstream's e2e applies first. */
  static TemplateResolver allTemplates() {
    List<Resource> templates = new ArrayList<>();
    try (Stream<Path> files = Files.walk(examplesRoot().resolve("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        try {
          for (ManifestDocument d : load(f)) {
            String kind = d.resource().kind();
            if (kind.equals("WorkflowTemplate") || kind.equals("ClusterWorkflowTemplate")) {
              templates.add(d.resource());
            }
          }
        } catch (RuntimeException e) {
          // a file that does not parse is lint's business, not this corpus's
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TemplateResolver.of(templates);
  }
}
