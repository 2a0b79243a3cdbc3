package io.quargo.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.cli.api.CliException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
  @Test
  void readsEveryDocumentWithItsFirstLineAndSkipsEmptyOnes() {
    List<Manifest> docs = ManifestReader.parse("f.yaml", "---\nkind: A\nmetadata: {name: a}\n---\n---\n# c\nkind: B\n"
        + "metadata: {generateName: b-}\n");
    assertThat(docs).extracting(Manifest::kind).containsExactly("A", "B");
    assertThat(docs).extracting(Manifest::where).containsExactly("f.yaml:2", "f.yaml:7");
    assertThat(docs.get(1).name()).isEqualTo("b-");
  }

  @Test
  void readsJson() {
    assertThat(ManifestReader.parse("f.json", "{\"kind\":\"Workflow\",\"metadata\":{\"name\":\"w\"}}").get(0).name())
        .isEqualTo("w");
  }

  @Test
  void aScalarDocumentIsRefusedWithItsLine() {
    assertThatThrownBy(() -> ManifestReader.parse("f.yaml", "kind: A\n---\njust text\n"))
        .isInstanceOf(CliException.class).hasMessage("f.yaml:3: expected a Kubernetes object (a YAML mapping with"
            + " apiVersion, kind and metadata), got string");
  }

  @Test
  void pathsInMessagesPointAtTheirLines() {
    Manifest m = ManifestReader.parse("w.yaml", "kind: Workflow\nspec:\n  templates:\n  - name: a\n  - name: b\n"
        + "    container:\n      image: x\n").get(0);
    assertThat(m.where("spec.templates[1].container.image: must not be x")).isEqualTo("w.yaml:7");
    assertThat(m.where("spec.templates[1].script is required")).isEqualTo("w.yaml:5");
    assertThat(m.where("no path here")).isEqualTo("w.yaml:1");
    assertThat(m.object().path("spec").path("templates").get(1).path("container").path("image").asText())
        .isEqualTo("x");
  }
}
