package io.quargo.core.workflow.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Jackson/SnakeYAML parse error into one line a user can act on, at the place the problem was found.
 * SnakeYAML's message holds a context mark and a problem mark, each followed by a source excerpt and a caret;
 * we keep the descriptions and use the last mark, which is where the parser gave up.
 */
final class ParseErrors {
  private static final Pattern MARK = Pattern.compile("^\\s*in '.*', line (\\d+), column (\\d+):\\s*$");

  private ParseErrors() {}

  static ManifestException of(JsonProcessingException e, String source) {
    String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    List<String> reasons = new ArrayList<>();
    SourcePosition at = position(e.getLocation(), source);
    String[] lines = original.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARK.matcher(lines[i]);
      if (m.matches()) {
        at = new SourcePosition(source, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        i += 2; // the excerpt line and the caret line
      } else if (!lines[i].isBlank()) {
        reasons.add(lines[i].strip());
      }
    }
    return new ManifestException(at, String.join(": ", reasons));
  }

  static SourcePosition position(JsonLocation loc, String source) {
    if (loc == null) {
      return new SourcePosition(source, 1, 1);
    }
    return new SourcePosition(source, Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
  }
}
