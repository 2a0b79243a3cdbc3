package io.quargo.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.api.CliException;
import io.quargo.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** argo's --parameter-file: a YAML or JSON map; string values as they are, others as JSON text. */
public final class ParameterFile {
  private ParameterFile() {}

  public static Map<String, String> read(String file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (file == null) {
      return out;
    }
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new CliException("cannot read the parameter file " + file + ": " + e.getMessage(), 2);
    }
    List<Manifest> docs = ManifestReader.parse(file, text);
    if (docs.size() != 1) {
      throw new CliException("the parameter file " + file + " must hold one map of NAME: VALUE", 2);
    }
    docs.get(0).object().fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue())));
    return out;
  }

  private static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : Json.string(v);
  }
}
