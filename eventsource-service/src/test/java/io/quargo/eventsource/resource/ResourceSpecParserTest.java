package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventsource.spec.EventSourceSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSpecParserTest {

  @Test
  void upstreamExampleParses() throws Exception {
    Path example = Path.of("/work/shared/compat/argo-events/examples/event-sources/resource.yaml");
    Resource es = ManifestLoader.load(Files.readString(example), example.toString()).get(0).resource();
    List<ResourceSource> sources = new ResourceSpecParser().parse(es);
    assertThat(sources).hasSize(1);
    ResourceSource s = sources.get(0);
    assertThat(s.eventName()).isEqualTo("example");
    assertThat(s.watchNamespace()).isEqualTo("argo-events");
    assertThat(s.apiVersion()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(s.resource()).isEqualTo("workflows");
    assertThat(s.eventTypes()).containsExactly(ResourceEventType.ADD);
    assertThat(s.filter().afterStart()).isTrue();
    assertThat(s.labelSelector()).isEqualTo("app=my-workflow");
  }

  @Test
  void everyFilterAndTheCoreGroup() {
    ResourceSource s = Sources.one("""
        version: v1
        resource: pods
        eventTypes: [ADD, UPDATE, DELETE]
        metadata: {team: a}
        filter:
          prefix: hello
          createdBy: "2019-04-06T12:52:11Z"
          labels:
            - {key: workflows.argoproj.io/completed, operation: "==", value: "true"}
            - {key: tier, operation: in, value: "web,api"}
            - {key: legacy, operation: "!"}
            - {key: owner, operation: exists}
            - {key: env, operation: "!=", value: prod}
          fields:
            - {key: spec.serviceAccountName, operation: "!=", value: "default"}
        """);
    assertThat(s.watchNamespace()).isNull();
    assertThat(s.group()).isEmpty();
    assertThat(s.apiVersion()).isEqualTo("v1");
    assertThat(s.eventTypes()).containsExactly(ResourceEventType.ADD, ResourceEventType.UPDATE,
        ResourceEventType.DELETE);
    assertThat(s.labelSelector()).isEqualTo(
        "workflows.argoproj.io/completed=true,tier in (web,api),!legacy,owner,env!=prod");
    assertThat(s.filter().prefix()).isEqualTo("hello");
    assertThat(s.filter().createdBy()).isEqualTo(Instant.parse("2019-04-06T12:52:11Z"));
    assertThat(s.filter().fields()).hasSize(1);
    assertThat(s.filter().fields().get(0).negated()).isTrue();
    assertThat(s.metadata()).containsEntry("team", "a");
  }

  @Test
  void errorsNameThePath() {
    assertThatThrownBy(() -> Sources.one("{resource: pods, eventTypes: [ADD]}"))
        .isInstanceOf(EventSourceSpecException.class).hasMessageContaining("spec.resource.example.version");
    assertThatThrownBy(() -> Sources.one("{version: v1, eventTypes: [ADD]}"))
        .hasMessageContaining("spec.resource.example.resource");
    assertThatThrownBy(() -> Sources.one("{version: v1, resource: pods}"))
        .hasMessageContaining("spec.resource.example.eventTypes");
    assertThatThrownBy(() -> Sources.one("{version: v1, resource: pods, eventTypes: [ADD, CREATE]}"))
        .hasMessageContaining("spec.resource.example.eventTypes[1]").hasMessageContaining("'CREATE'");
    assertThatThrownBy(() -> Sources.one("""
        {version: v1, resource: pods, eventTypes: [ADD], filter: {labels: [{key: a, operation: gt, value: "1"}]}}"""))
        .hasMessageContaining("spec.resource.example.filter.labels[0].operation");
    assertThatThrownBy(() -> Sources.one("""
        {version: v1, resource: pods, eventTypes: [ADD], filter: {createdBy: yesterday}}"""))
        .hasMessageContaining("spec.resource.example.filter.createdBy").hasMessageContaining("RFC 3339");
    assertThatThrownBy(() -> Sources.one("""
        {version: v1, resource: pods, eventTypes: [ADD], filter: {fields: [{key: metadata.name, value: "("}]}}"""))
        .hasMessageContaining("spec.resource.example.filter.fields[0].value");
  }
}
