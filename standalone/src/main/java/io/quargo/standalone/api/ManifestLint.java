package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.workflow.lint.LintFinding;
import io.quargo.core.workflow.lint.LintResult;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.lint.WorkflowLinter;
import io.quargo.core.workflow.manifest.ManifestLoader;
import java.util.stream.Collectors;

/**
 * {@code argo lint} on the server: the object a request carries, linted as the kind it is sent as. Errors
 * become one InvalidArgument naming each finding by its JSON path within the request body (e.g.
 * {@code workflow.spec.templates[0].dag.tasks[1].depends}); warnings do not fail.
 */
public final class ManifestLint {
  private ManifestLint() {}

  /**
   * @param field the body field holding the object ({@code workflow}, {@code template}, {@code cronWorkflow})
   * @param kind what the endpoint stores; set when the object does not say
   */
  public static void check(ObjectNode object, String field, String kind, TemplateResolver templates) {
    ObjectNode copy = object.deepCopy();
    if (!copy.hasNonNull("kind")) {
      copy.put("kind", kind);
    }
    if (!copy.hasNonNull("apiVersion")) {
      copy.put("apiVersion", "argoproj.io/v1alpha1");
    }
    if (!copy.path("kind").asText().equals(kind)) {
      throw ApiException.invalid(field + ".kind is \"" + copy.path("kind").asText() + "\": this endpoint takes a "
          + kind + "; send it to the " + kind + " API or fix the kind");
    }
    LintResult result = new WorkflowLinter(templates).lint(ManifestLoader.load(Json.string(copy), field));
    if (!result.ok()) {
      throw ApiException.invalid(result.errors().stream().map(f -> describe(field, f))
          .collect(Collectors.joining("; ")));
    }
  }

  private static String describe(String field, LintFinding f) {
    return field + "." + f.path() + ": " + f.message();
  }
}
