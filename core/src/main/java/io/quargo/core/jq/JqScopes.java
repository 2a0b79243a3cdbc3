package io.quargo.core.jq;

import java.util.HashMap;
import java.util.Map;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.Function;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;

/**
 * The shared root scope: jq 1.6 builtins, each wrapped to count emitted values against {@link JqBudget}, minus
 * the ones that would reach outside the process (none of jackson-jq's builtins read files or the environment;
 * {@code debug_scope} only inspects the scope and is dropped anyway).
 */
final class JqScopes {
  static final Scope ROOT = build();

  private JqScopes() {}

  private static Scope build() {
    Scope root = Scope.newEmptyScope();
    Map<String, Function> builtins = new HashMap<>(
        BuiltinFunctionLoader.getInstance().listFunctions(Versions.JQ_1_6, root));
    builtins.remove("debug_scope/0");
    builtins.forEach((key, fn) -> {
      int slash = key.lastIndexOf('/');
      root.addFunction(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), counted(fn));
    });
    return root;
  }

  private static Function counted(Function fn) {
    return (scope, args, in, path, output, version) -> fn.apply(scope, args, in, path, (node, p) -> {
      JqBudget.tick();
      output.emit(node, p);
    }, version);
  }
}
