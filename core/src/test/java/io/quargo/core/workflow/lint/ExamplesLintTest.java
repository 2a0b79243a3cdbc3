package io.quargo.core.workflow.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestDocument;
import io.quargo.core.workflow.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints every upstream example whose expectations.tsv row names a workflow kind: all are valid upstream (the
 * file has no "invalid" rows), so each must lint without errors. templateRefs resolve against every
 * WorkflowTemplate and ClusterWorkflowTemplate found in examples/, as upstream's e2e suite applies them all.
 */
class ExamplesLintTest {
  static final Path ROOT = CompatFiles.dir().resolve("argo-workflows");

  @Test
  void everyWorkflowExampleLintsClean() throws IOException {
    assumeTrue(Files.isDirectory(ROOT.resolve("examples")), "no " + ROOT.toAbsolutePath() + "; corpus skipped");
    Map<String, List<ManifestDocument>> files = rows();
    List<Resource> library = new ArrayList<>();
    files.values().forEach(docs -> docs.forEach(d -> library.add(d.resource())));
    WorkflowLinter linter = new WorkflowLinter(TemplateResolver.of(library));
    List<String> failures = new ArrayList<>();
    int clean = 0;
    int warnings = 0;
    int documents = 0;
    for (Map.Entry<String, List<ManifestDocument>> f : files.entrySet()) {
      LintResult result = linter.lint(f.getValue());
      documents += f.getValue().size();
      warnings += result.warnings().size();
      result.warnings().forEach(w -> System.out.println("warning: " + w));
      if (result.ok()) {
        clean++;
      } else {
        failures.add(result.errors().toString());
      }
    }
    System.out.printf("examples: %d files (%d documents) linted, %d clean, %d warnings%n", files.size(), documents,
        clean, warnings);
    assertThat(failures).as("lint errors in valid upstream examples").isEmpty();
    assertThat(clean).isGreaterThan(150);
  }

  /** The corpus check can fail: each Workflow example with its entrypoint misspelt is reported. */
  @Test
  void everyWorkflowExampleWithAWrongEntrypointFails() throws IOException {
    assumeTrue(Files.isDirectory(ROOT.resolve("examples")), "no " + ROOT.toAbsolutePath() + "; corpus skipped");
    Map<String, List<ManifestDocument>> files = rows();
    List<Resource> library = new ArrayList<>();
    files.values().forEach(docs -> docs.forEach(d -> library.add(d.resource())));
    WorkflowLinter linter = new WorkflowLinter(TemplateResolver.of(library));
    int mutated = 0;
    for (List<ManifestDocument> docs : files.values()) {
      for (ManifestDocument d : docs) {
        if (d.resource().kind().equals("Workflow") && d.resource().spec().has("entrypoint")) {
          var spec = ((com.fasterxml.jackson.databind.node.ObjectNode) d.resource().spec().deepCopy())
              .put("entrypoint", "no-such-template");
          var broken = new ManifestDocument(d.resource().withSpec(spec), d.positions(), d.index());
          assertThat(linter.lint(broken).errors()).as(d.source()).extracting(LintFinding::path)
              .contains("spec.entrypoint");
          mutated++;
        }
      }
    }
    assertThat(mutated).isGreaterThan(150);
  }

  /** Files whose kinds column holds a workflow kind; every such row is expected valid. */
  private static Map<String, List<ManifestDocument>> rows() throws IOException {
    Map<String, List<ManifestDocument>> out = new LinkedHashMap<>();
    try (Stream<String> lines = Files.lines(ROOT.resolve("expectations.tsv"))) {
      for (String line : lines.skip(1).toList()) {
        String[] cols = line.split("\t", -1);
        boolean workflowKind = Stream.of(cols[1].split("\\+")).anyMatch(WorkflowLinter.KINDS::contains);
        if (workflowKind && !cols[3].contains("invalid")) {
          Path file = ROOT.resolve(cols[0]);
          out.put(cols[0], ManifestLoader.load(Files.readString(file), cols[0]));
        }
      }
    }
    return out;
  }
}
