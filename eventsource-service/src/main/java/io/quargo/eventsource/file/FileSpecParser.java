package io.quargo.eventsource.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.eventsource.webhook.EventFilter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code spec.file} of an EventSource into {@link FileSpec}s with Argo's field names: {@code eventType},
 * {@code watchPathConfig: {directory, path | pathRegexp}}, {@code polling}, {@code metadata}, {@code filter}.
 */
public final class FileSpecParser {

  public List<FileSpec> parse(Resource eventSource) {
    List<FileSpec> specs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : SpecFields.entries(eventSource, "file").entrySet()) {
      specs.add(spec(SpecFields.namespace(eventSource), eventSource.name(), e.getKey(), e.getValue(),
          "spec.file." + e.getKey()));
    }
    return specs;
  }

  /** One adapter per entry; start each with a sink built with {@link #filters}. */
  public List<FileAdapter> adapters(Resource eventSource) {
    return parse(eventSource).stream().map(FileAdapter::new).toList();
  }

  /** The entries' {@code filter.expression}s by event name, as {@link io.quargo.eventsource.spi.BusEventSink} takes them. */
  public static Map<String, EventFilter> filters(List<FileSpec> specs) {
    Map<String, EventFilter> filters = new LinkedHashMap<>();
    specs.stream().filter(s -> s.filter() != null).forEach(s -> filters.put(s.eventName(), s.filter()));
    return filters;
  }

  public FileSpec spec(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    FileOp op = eventType(SpecFields.requiredText(spec, "eventType", path), path + ".eventType");
    JsonNode watch = spec.get("watchPathConfig");
    String watchPath = path + ".watchPathConfig";
    if (watch == null || watch.isNull()) {
      throw new EventSourceSpecException(watchPath, "is required: {directory, path} or {directory, pathRegexp}");
    }
    if (!watch.isObject()) {
      throw new EventSourceSpecException(watchPath, "must be an object {directory, path | pathRegexp}, got " + SpecFields.type(watch));
    }
    Path directory = directory(SpecFields.requiredText(watch, "directory", watchPath), watchPath + ".directory");
    String file = SpecFields.text(watch, "path", watchPath);
    String regexp = SpecFields.text(watch, "pathRegexp", watchPath);
    if (file == null && regexp == null) {
      throw new EventSourceSpecException(watchPath, "needs path (one file name) or pathRegexp (a regular expression)");
    }
    return new FileSpec(namespace, eventSource, eventName, path, op, directory, file,
        file != null ? null : regexp(regexp, watchPath + ".pathRegexp"), SpecFields.bool(spec, "polling", path),
        SpecFields.metadata(spec, path), SpecFields.filter(spec, path));
  }

  private static FileOp eventType(String text, String path) {
    try {
      return FileOp.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new EventSourceSpecException(path, "must be one of " + Arrays.toString(FileOp.values()) + ", got '" + text + "'");
    }
  }

  private static Path directory(String text, String path) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new EventSourceSpecException(path, "'" + text + "' is not a path: " + e.getReason());
    }
  }

  private static Pattern regexp(String text, String path) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new EventSourceSpecException(path, "does not compile: " + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
