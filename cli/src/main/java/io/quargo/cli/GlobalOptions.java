package io.quargo.cli;

import io.quargo.cli.api.ArgoClient;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.ServerAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** argo's global flags that matter over HTTP: server, namespace, token, TLS, extra headers. */
public final class GlobalOptions {
  @Option(names = {"-s", "--argo-server"}, paramLabel = "HOST:PORT",
      description = "Argo Server-compatible API (default: $ARGO_SERVER, else 127.0.0.1:2746)")
  String server;

  @Option(names = {"-n", "--namespace"}, description = "namespace (default: $ARGO_NAMESPACE, else default)")
  String namespace;

  @Option(names = "--token", description = "bearer token (default: $ARGO_TOKEN)")
  String token;

  @Option(names = {"-e", "--secure"}, arity = "0..1", description = "use https (default: $ARGO_SECURE)")
  Boolean secure;

  @Option(names = {"-H", "--header"}, paramLabel = "NAME: VALUE", description = "extra HTTP header, repeatable")
  List<String> headers = new ArrayList<>();

  @Option(names = "--no-color", description = "never colour the output")
  boolean noColor;

  public String namespace(Map<String, String> env) {
    if (namespace != null && !namespace.isBlank()) {
      return namespace;
    }
    String fromEnv = env.get("ARGO_NAMESPACE");
    return fromEnv == null || fromEnv.isBlank() ? "default" : fromEnv;
  }

  public ArgoClient client(Map<String, String> env) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new CliException("invalid --header '" + header + "': use NAME: VALUE", 2);
      }
      h.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    return new ArgoClient(ServerAddress.resolve(server, secure, token, env), h);
  }
}
