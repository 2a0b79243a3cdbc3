package io.quargo.workflow.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirArtifactRepositoryTest extends ArtifactRepositoryContract {
  @TempDir
  Path dir;

  @Override
  ArtifactRepository repository() {
    return new LocalDirArtifactRepository(dir);
  }

  @Test
  void theLocationIsLocalWithTheKey() {
    assertThat(repository().location("wf/p/a.tgz").toString()).isEqualTo("{\"local\":{\"key\":\"wf/p/a.tgz\"}}");
  }
}
