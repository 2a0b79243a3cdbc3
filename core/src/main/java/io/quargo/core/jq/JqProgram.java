package io.quargo.core.jq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A compiled jq program (jackson-jq, jq 1.6 dialect) for Sensor transforms and filters: compile once, apply to many
 * inputs, each run bounded in outputs, builtin steps and recursion depth. Thread-safe.
 */
public final class JqProgram {
  /** Values builtins may emit in one run: plenty for event reshaping, fatal for {@code [range(1e9)]}. */
  public static final long DEFAULT_STEP_BUDGET = 1_000_000;
  private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

  private final String source;
  private final JsonQuery query;

  private JqProgram(String source, JsonQuery query) {
    this.source = source;
    this.query = query;
  }

  /** @throws JqException naming line:col and what the parser expected */
  public static JqProgram compile(String source) {
    try {
      return new JqProgram(source, JsonQuery.compile(source, Versions.JQ_1_6));
    } catch (JsonQueryException | RuntimeException e) {
      throw new JqException(compileMessage(source, e), e);
    } catch (StackOverflowError e) {
      throw new JqException("jq program nested too deeply to compile", null);
    }
  }

  public String source() {
    return source;
  }

  /** All outputs for one input; at most {@code maxOutputs}, else an error. */
  public List<JsonNode> apply(JsonNode input, int maxOutputs) {
    return apply(input, Map.of(), maxOutputs, DEFAULT_STEP_BUDGET);
  }

  /**
   * @param variables bound as {@code $name}
   * @throws JqException on a runtime error, more than {@code maxOutputs} outputs, an exhausted step budget or
   *     runaway recursion
   */
  public List<JsonNode> apply(JsonNode input, Map<String, JsonNode> variables, int maxOutputs, long stepBudget) {
    Scope scope = Scope.newChildScope(JqScopes.ROOT);
    variables.forEach(scope::setValue);
    List<JsonNode> out = new ArrayList<>();
    JqBudget.start(stepBudget);
    try {
      query.apply(scope, input, node -> {
        if (out.size() >= maxOutputs) {
          throw new OutputLimit();
        }
        out.add(node);
      });
      return out;
    } catch (OutputLimit e) {
      throw new JqException("jq program '" + source + "' produced more than " + maxOutputs + " outputs", null);
    } catch (JqBudget.StepBudgetExceeded e) {
      throw new JqException("jq program '" + source + "' exceeded its step budget of " + stepBudget
          + " values (an unbounded generator such as range or recurse?)", null);
    } catch (JsonQueryException e) {
      throw new JqException("jq program '" + source + "' failed: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new JqException("jq program '" + source + "' recursed too deeply", null);
    } catch (OutOfMemoryError e) {
      // jackson-jq's built-in operators (e.g. number * string) have no hook for a size check; a refused
      // oversized allocation fails here without having filled the heap
      throw new JqException("jq program '" + source + "' needs more memory than allowed ("
          + e.getMessage() + "); is a string repeated a huge number of times?", null);
    } catch (RuntimeException e) {
      throw new JqException("jq program '" + source + "' failed: " + e, e);
    } finally {
      JqBudget.stop();
    }
  }

  /** The first output, as Sensor transforms use it; empty output is an error. */
  public JsonNode first(JsonNode input) {
    List<JsonNode> out = apply(input, 1);
    if (out.isEmpty()) {
      throw new JqException("jq program '" + source + "' produced no output", null);
    }
    return out.get(0);
  }

  /** Sensor {@code transform.jq}: the first output replaces the event data and must be a JSON object. */
  public JsonNode transform(JsonNode data) {
    JsonNode out = first(data);
    if (!out.isObject()) {
      throw new JqException("jq program '" + source + "' must produce a JSON object for a transform, got "
          + out.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
    }
    return out;
  }

  private static String compileMessage(String source, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      Matcher m = POSITION.matcher(msg);
      if (m.find()) {
        String reason = msg.substring(0, m.start()).strip().split("\n")[0];
        return "invalid jq program: " + reason + " at " + m.group(1) + ":" + m.group(2);
      }
    }
    return "invalid jq program '" + source + "': " + e.getMessage() + " at 1:1";
  }

  private static final class OutputLimit extends RuntimeException {
    OutputLimit() {
      super(null, null, false, false);
    }
  }
}
