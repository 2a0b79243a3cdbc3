package io.quargo.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** Typical Sensor templates over random payload shapes: any failure is a TemplateException, never a bug. */
class TemplateDataPropertyTest {
  private static final TemplateOptions SMALL = TemplateOptions.DEFAULT.withMaxSteps(20_000).withMaxOutput(50_000);
  private static final List<Template> TEMPLATES = List.of(
      "{{ .a | upper }}", "{{ .a.b.c }}", "{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}",
      "{{ range .a }}{{ . }}{{ end }}", "{{ len .a }}", "{{ index .a 0 }}", "{{ index .a \"b\" }}",
      "{{ toJson . }}", "{{ toPrettyJson .a }}", "{{ printf \"%v %d %s %q %5.1f %x\" .a .a .a .a .a .a }}",
      "{{ eq .a .b }}", "{{ lt .a .b }}", "{{ add .a .b }}", "{{ div .a .b }}", "{{ default \"d\" .a }}",
      "{{ keys . | sortAlpha }}", "{{ values . }}", "{{ join \",\" .a }}", "{{ has .a .b }}",
      "{{ uniq .a }}", "{{ first .a }}", "{{ merge . .a }}", "{{ deepCopy . }}", "{{ dig \"a\" \"b\" 0 . }}",
      "{{ pluck \"a\" . }}", "{{ toString .a | b64enc | b64dec }}", "{{ with .a }}{{ .b }}{{ end }}",
      "{{ if and .a (not .b) }}x{{ end }}", "{{ typeOf .a }} {{ kindOf .b }}", "{{ slice .a 1 }}",
      "{{ sortAlpha .a }}", "{{ concat .a .b }}", "{{ round .a 2 }}", "{{ date \"2006\" .a }}",
      "{{ regexFindAll \"[a-z]+\" (toString .a) -1 }}", "{{ empty .a }} {{ coalesce .a .b }}")
      .stream().map(t -> Template.parse("data", t, SMALL)).toList();

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.longs().between(-1000, 1000).map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    return Arbitraries.recursive(() -> leaf, this::container, 3);
  }

  private Arbitrary<Object> container(Arbitrary<Object> inner) {
    Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of("a", "b", "c", "k"), inner).ofMaxSize(3)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.oneOf(list, map, inner);
  }

  @Property(tries = 500, shrinking = ShrinkingMode.OFF)
  void templatesFailOnlyWithTemplateException(@ForAll("values") Object a, @ForAll("values") Object b) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("a", a);
    data.put("b", b);
    for (Template t : TEMPLATES) {
      try {
        t.execute(data);
      } catch (TemplateException e) {
        assertThat(e.getMessage()).startsWith("template: ").doesNotContain("internal error");
      }
    }
  }
}
