package io.quargo.core.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/** Random templates (100,000 per run): only TagException escapes, and full values leave no simple tag behind. */
class TagPropertiesTest {
  private static final String ALPHABET = "{}= ab.x\n\\'\"[]";

  @Property(tries = 1_000, generation = GenerationMode.RANDOMIZED)
  void randomTemplatesNeverCrash(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 100; i++) {
      String t = random(r, 40);
      for (TagOptions o : new TagOptions[] {TagOptions.leave(new StubEvaluator()),
          TagOptions.fail(new StubEvaluator()).withEscaping(Escaping.JSON_STRING)}) {
        try {
          Tags.substitute(t, TagGoldenTest.VALUES, o);
          Tags.references(t);
        } catch (TagException e) {
          assertThat(e.getMessage()).containsPattern(" at \\d+:\\d+$");
        }
      }
    }
  }

  @Property(tries = 200, generation = GenerationMode.RANDOMIZED)
  void everyReferencedSimpleTagResolves(@ForAll long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 100; i++) {
      String t = random(r, 30).replace("{{=", "{{").replace("{", "").replace("}", "")
          + "{{" + random(r, 5).replace("{", "").replace("}", "").replace("=", "") + "}}";
      TagTemplate tt = TagTemplate.parse(t);
      Map<String, String> values = new HashMap<>();
      tt.references().forEach(ref -> values.put(ref.name(), "v"));
      String out = tt.render(values, TagOptions.fail(ExpressionEvaluator.NONE));
      assertThat(out).doesNotContain("{{");
    }
  }

  private static String random(Random r, int max) {
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
