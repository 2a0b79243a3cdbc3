package io.quargo.core.workflow.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
  static final String TWO_DOCS = """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: first
      spec:
        templates:
          - name: a
            container: {image: alpine}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: second-
      spec:
        entrypoint: main
        someFutureField: kept
        templates:
          - name: main
            dag:
              tasks:
                - name: x
                  depends: "y.Succeeded"
      """;

  @Test
  void readsEveryDocumentAndKeepsUnknownFields() {
    List<ManifestDocument> docs = ManifestLoader.load(TWO_DOCS, "wf.yaml");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).resource().kind()).isEqualTo("WorkflowTemplate");
    assertThat(docs.get(1).resource().spec().path("someFutureField").asText()).isEqualTo("kept");
    assertThat(docs.get(1).index()).isEqualTo(1);
  }

  @Test
  void mapsJsonPathsToFileLinesAndColumns() {
    PositionIndex second = ManifestLoader.load(TWO_DOCS, "wf.yaml").get(1).positions();
    assertThat(second.exact("spec.entrypoint")).isEqualTo(new SourcePosition("wf.yaml", 15, 15));
    assertThat(second.exact("spec.templates[0].dag.tasks[0].depends"))
        .isEqualTo(new SourcePosition("wf.yaml", 22, 22));
    assertThat(second.find("spec.templates[0].dag.tasks[0].when")).isEqualTo(second.exact("spec.templates[0]"
        + ".dag.tasks[0]"));
  }

  @Test
  void readsJsonWithPositions() {
    String json = "{\"kind\": \"Workflow\",\n \"spec\": {\"entrypoint\": \"m\"}}\n{\"kind\": \"Workflow\"}";
    List<ManifestDocument> docs = ManifestLoader.load(json, "wf.json");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).positions().exact("spec.entrypoint")).isEqualTo(new SourcePosition("wf.json", 2, 25));
  }

  @Test
  void skipsEmptyDocuments() {
    assertThat(ManifestLoader.load("---\n---\nkind: Workflow\n---\n", "x.yaml")).hasSize(1);
  }

  @Test
  void parseErrorsNameSourceLineAndColumn() {
    assertThatThrownBy(() -> ManifestLoader.load("kind: Workflow\nspec:\n  a: [1, 2\n", "bad.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bad.yaml:4:1: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
    assertThatThrownBy(() -> ManifestLoader.load("- a\n- b\n", "list.yaml"))
        .hasMessage("list.yaml:1:1: a manifest document must be a mapping (apiVersion, kind, metadata, spec), "
            + "got a array");
  }

  @Test
  void positionsInsideQuotedAndBlockStrings() throws Exception {
    String yaml = "a: \"xy{{z}}\"\nb: |\n  first\n  echo {{z}}\nc: plain {{z}}\n";
    PositionIndex p = ManifestLoader.load(new java.io.StringReader(yaml), "s.yaml").get(0).positions();
    assertThat(p.at("a", "xy{{z}}", 2)).isEqualTo(new SourcePosition("s.yaml", 1, 7));
    assertThat(p.at("b", "first\necho {{z}}\n", 11)).isEqualTo(new SourcePosition("s.yaml", 4, 8));
    assertThat(p.at("c", "plain {{z}}", 6)).isEqualTo(new SourcePosition("s.yaml", 5, 10));
  }
}
