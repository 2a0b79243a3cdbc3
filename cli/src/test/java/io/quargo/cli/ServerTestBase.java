package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;

/** A fresh fake Argo Server per test and a CLI pointed at it. */
public abstract class ServerTestBase {
  protected final FakeArgoServer server = start();
  protected final CliRun cli = new CliRun(server.hostPort());

  private static FakeArgoServer start() {
    try {
      return new FakeArgoServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** A workflow-events stream line: {"result":{"type":..,"object":..}}. */
  protected static String event(String type, JsonNode wf) {
    var e = Json.object();
    e.putObject("result").put("type", type).set("object", wf);
    return Json.string(e);
  }

  protected static JsonNode items(JsonNode... items) {
    var list = Json.object();
    var array = list.putArray("items");
    for (JsonNode i : items) {
      array.add(i);
    }
    list.putObject("metadata");
    return list;
  }
}
