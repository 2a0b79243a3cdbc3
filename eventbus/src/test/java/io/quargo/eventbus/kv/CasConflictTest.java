package io.quargo.eventbus.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CasConflictTest {

  @Test
  void readsTheActualRevisionFromTheServersWords() {
    assertThat(KvBucket.actualRevision("wrong last sequence: 12")).hasValue(12);
    assertThat(KvBucket.actualRevision("something else")).isEmpty();
    assertThat(KvBucket.actualRevision(null)).isEmpty();
  }

  @Test
  void messageSaysWhatToDo() {
    CasConflictException e = new CasConflictException("resources", "argo.wf1", 3, OptionalLong.of(5), null);
    assertThat(e).hasMessageContaining("'resources'").hasMessageContaining("'argo.wf1'")
        .hasMessageContaining("expected revision 3").hasMessageContaining("found revision 5")
        .hasMessageContaining("re-read");
    assertThat(new CasConflictException("b", "k", 0, OptionalLong.empty(), null))
        .hasMessageContaining("expected no value (create)");
  }
}
