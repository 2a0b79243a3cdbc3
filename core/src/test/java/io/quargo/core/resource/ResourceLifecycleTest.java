package io.quargo.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourceLifecycleTest {
  private final ResourceLifecycle lifecycle = new ResourceLifecycle(
      Clock.fixed(Instant.parse("2026-11-21T10:00:00.123Z"), ZoneOffset.UTC), new Random(1));

  @Test
  void longGenerateNameIsCutSoTheNameFitsALabel() {
    String prefix = "x".repeat(80);
    Resource created = lifecycle.forCreate(ArgoKinds.WORKFLOW,
        Resource.create(ArgoKinds.WORKFLOW, "ns", null).editMetadata(m -> m.put("generateName", prefix)));
    assertThat(created.name()).hasSize(63).startsWith("x".repeat(58));
    assertThat(created.creationTimestamp()).isEqualTo("2026-11-21T10:00:00Z");
  }

  @Test
  void unknownKindNamesTheKindsServed() {
    Resource pod = Resource.of(Json.object().put("kind", "Pod").put("apiVersion", "v1"));
    assertThatThrownBy(() -> ResourceLifecycle.kindOf(pod))
        .hasMessageContaining("kind 'Pod' is not served")
        .hasMessageContaining("Workflow");
  }

  @Test
  void wrongApiVersionIsRefused() {
    Resource wf = Resource.create(ArgoKinds.WORKFLOW, "ns", "a").with("apiVersion", Json.MAPPER.valueToTree("argoproj.io/v1"));
    assertThatThrownBy(() -> lifecycle.forCreate(ArgoKinds.WORKFLOW, wf))
        .hasMessageContaining("apiVersion is 'argoproj.io/v1'")
        .hasMessageContaining("argoproj.io/v1alpha1");
  }

  @Test
  void updateCannotChangeServerOwnedFieldsOrClearDeletion() {
    Resource stored = lifecycle.markDeleting(lifecycle.forCreate(ArgoKinds.WORKFLOW,
        Resource.create(ArgoKinds.WORKFLOW, "ns", "a").withFinalizers(List.of("f"))));
    Resource forged = stored.editMetadata(m -> {
      m.put("uid", "forged");
      m.remove("deletionTimestamp");
    });
    Resource next = lifecycle.forUpdate(ArgoKinds.WORKFLOW, stored, forged);
    assertThat(next.uid()).isEqualTo(stored.uid());
    assertThat(next.isDeleting()).isTrue();
    assertThat(ResourceLifecycle.isGone(next)).isFalse();
    assertThat(ResourceLifecycle.isGone(next.withFinalizers(List.of()))).isTrue();
  }
}
