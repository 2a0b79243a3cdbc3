package io.quargo.eventsource.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.calendar.UpstreamExamples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSpecParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Resource eventSource(String fileJson) throws Exception {
    return Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource",
         "metadata": {"name": "files", "namespace": "team-f"}, "spec": {"file": %s}}
        """.formatted(fileJson)));
  }

  @Test
  void theUpstreamExampleAndItsCommentedVariantParse() throws Exception {
    List<FileSpec> written = new FileSpecParser().parse(UpstreamExamples.asWritten("file.yaml"));
    assertThat(written).singleElement().satisfies(s -> {
      assertThat(s.eventType()).isEqualTo(FileOp.CREATE);
      assertThat(s.directory()).isEqualTo(Path.of("/test-data/"));
      assertThat(s.path()).isEqualTo("x.txt");
      assertThat(s.watches("x.txt")).isTrue();
      assertThat(s.watches("y.txt")).isFalse();
    });
    List<FileSpec> all = new FileSpecParser().parse(UpstreamExamples.withCommentedVariants("file.yaml"));
    assertThat(all).extracting(FileSpec::eventName).containsExactly("example", "example-with-path-regex");
    FileSpec regex = all.get(1);
    assertThat(regex.pathRegexp().pattern()).isEqualTo("([a-z]+).txt");
    assertThat(regex.watches("abc.txt")).isTrue();
    assertThat(regex.watches("x-abc.txt.bak")).isTrue(); // Go's MatchString finds a match anywhere
    assertThat(regex.watches("123.log")).isFalse();
    assertThat(new FileSpecParser().adapters(UpstreamExamples.withCommentedVariants("file.yaml"))).hasSize(2);
    assertThat(FileSpecParser.filters(all)).isEmpty();
  }

  @Test
  void errorsNameThePathAndTheFix() {
    assertError("{\"e\": {\"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x\"}}}", "spec.file.e.eventType: is required");
    assertError("{\"e\": {\"eventType\": \"MODIFY\", \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x\"}}}",
        "spec.file.e.eventType: must be one of [CREATE, WRITE, REMOVE, RENAME, CHMOD], got 'MODIFY'");
    assertError("{\"e\": {\"eventType\": \"CREATE\"}}", "spec.file.e.watchPathConfig: is required");
    assertError("{\"e\": {\"eventType\": \"CREATE\", \"watchPathConfig\": {\"path\": \"x\"}}}",
        "spec.file.e.watchPathConfig.directory: is required");
    assertError("{\"e\": {\"eventType\": \"CREATE\", \"watchPathConfig\": {\"directory\": \"/d\"}}}",
        "spec.file.e.watchPathConfig: needs path (one file name) or pathRegexp");
    assertError("{\"e\": {\"eventType\": \"CREATE\", \"watchPathConfig\": {\"directory\": \"/d\", \"pathRegexp\": \"(\"}}}",
        "spec.file.e.watchPathConfig.pathRegexp: does not compile");
    assertError("{\"e\": {\"eventType\": \"CREATE\", \"polling\": 1, \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x\"}}}",
        "spec.file.e.polling: must be true or false");
  }

  @Test
  void eventTypeIsCaseInsensitive() throws Exception {
    assertThat(new FileSpecParser().parse(eventSource("{\"e\": {\"eventType\": \"write\","
        + " \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x\"}}}")).get(0).eventType()).isEqualTo(FileOp.WRITE);
  }

  private static void assertError(String fileJson, String start) {
    assertThatThrownBy(() -> new FileSpecParser().parse(eventSource(fileJson)))
        .isInstanceOf(EventSourceSpecException.class).hasMessageStartingWith(start);
  }
}
