package io.quargo.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Random input never escapes as anything but a {@link TemplateException}, and never hangs: the step,
 * output and depth bounds are kept small so 100,000+ tries stay within seconds.
 */
class TemplateFuzzPropertyTest {
  private static final TemplateOptions SMALL = TemplateOptions.DEFAULT.withMaxSteps(5_000).withMaxOutput(20_000);
  private static final Object DATA = Json.parse(("{\"a\":{\"b\":[1,2.5,\"x\",null,{\"c\":true}]},"
      + "\"s\":\"str\",\"n\":3,\"z\":null,\"l\":[\"p\",\"q\"],\"m\":{\"k\":\"v\",\"e\":{}}}")
      .getBytes(StandardCharsets.UTF_8));

  private static final List<String> TOKENS = List.of(
      "{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", " ", "  ", "\n", ".", ".a", ".a.b", ".s", ".n", ".z", ".z.q",
      ".l", ".m", ".m.k", "$", "$x", "$i", "$v", "$x :=", "$i, $v :=", "$x =", ":=", "=", ",", "|", "(", ")",
      "if", "else", "else if", "end", "range", "with", "define", "template", "block", "break", "continue",
      "\"t\"", "\"s\"", "\"%d %s %v %q %5.2f %x\"", "`raw`", "'c'", "'\\n'", "1", "0", "-2", "1.5", "1e9", "0x1F",
      "99999999999999999999", "nil", "true", "false", "and", "or", "not", "len", "index", "print", "printf",
      "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "upper", "lower", "trim", "repeat",
      "substr", "trunc", "abbrev", "wrap", "indent", "replace", "splitList", "split", "join", "sortAlpha",
      "list", "first", "rest", "last", "append", "concat", "uniq", "without", "has", "slice", "until",
      "untilStep", "seq", "chunk", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit",
      "values", "merge", "deepCopy", "dig", "add", "sub", "div", "mod", "mul", "max", "min", "floor", "round",
      "int", "float64", "atoi", "now", "date", "toDate", "dateModify", "duration", "ago", "unixEpoch",
      "b64enc", "b64dec", "b32dec", "toJson", "toPrettyJson", "fromJson", "sha256sum", "regexMatch",
      "regexFindAll", "regexReplaceAll", "regexSplit", "default", "empty", "coalesce", "ternary", "fail",
      "toString", "typeOf", "kindOf", "uuidv4", "snakecase", "camelcase", "title", "quote", "cat", "plural",
      "\"(a+)+$\"", "\"[\"", "\"2006-01-02\"", "-1", "100000", "}", "{", "@", "\"", "'", "`", "/*", "-");

  @Provide
  Arbitrary<String> soups() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(16).map(l -> String.join("", l));
  }

  private static final List<String> ARGS = List.of(".a", ".a.b", ".s", ".n", ".z", ".l", ".m", ".m.k", "$",
      "1", "0", "-1", "3", "1.5", "\"s\"", "\"%d|%s|%v\"", "\"a,b\"", "\",\"", "(list 1 \"x\" 2.5)",
      "(dict \"k\" 1 \"j\" (list))", "nil", "true", "now", "\"(a+)+$\"", "\"\"", "1000", "\"2006-01-02\"",
      "(until 3)", "\"1h\"", "\"e30=\"", "\"{\\\"a\\\":1}\"", "'x'");

  /** Function calls with plausible arguments, so most inputs get past the parser into execution. */
  @Provide
  Arbitrary<String> calls() {
    Arbitrary<String> fn = Arbitraries.of(TOKENS).filter(t -> t.matches("[a-z][a-zA-Z0-9]*"));
    Arbitrary<String> args = Arbitraries.of(ARGS).list().ofMaxSize(3).map(l -> String.join(" ", l));
    Arbitrary<String> call = net.jqwik.api.Combinators.combine(fn, args).as((f, a) -> f + " " + a);
    Arbitrary<String> pipe = call.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" | ", l));
    Arbitrary<String> wrapper = Arbitraries.of("%s", "{{ range $i, $e := .l }}%s{{ end }}",
        "{{ with .m }}%s{{ else }}e{{ end }}", "{{ if .n }}%s{{ end }}", "{{ $v := .a }}%s");
    return net.jqwik.api.Combinators.combine(pipe, wrapper).as((p, w) -> String.format(w, "{{ " + p + " }}"));
  }

  @Property(tries = 100_000, shrinking = ShrinkingMode.OFF)
  void tokenSoupsFailOnlyWithTemplateException(@ForAll("soups") String text) {
    runs(text);
  }

  @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
  void functionCallsFailOnlyWithTemplateException(@ForAll("calls") String text) {
    runs(text);
  }

  @Property(tries = 5_000, shrinking = ShrinkingMode.OFF)
  void randomStringsFailOnlyWithTemplateException(@ForAll String text) {
    runs(text);
    runs("{{" + text + "}}");
  }

  private static void runs(String text) {
    try {
      Template t = Template.parse("fuzz", text, SMALL);
      try {
        String out = t.execute(DATA);
        assertThat(out.length()).isLessThanOrEqualTo(SMALL.maxOutput());
        Statistics.collect("executed");
      } catch (TemplateException e) {
        assertThat(e.getMessage()).startsWith("template: ").doesNotContain("internal error");
        Statistics.collect("execution error");
      }
    } catch (TemplateException e) {
      assertThat(e.getMessage()).startsWith("template: ");
      Statistics.collect("parse error");
    }
  }
}
