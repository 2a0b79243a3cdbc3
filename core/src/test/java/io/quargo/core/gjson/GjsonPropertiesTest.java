package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * Random paths over the golden event and over random documents: compile+get never throws anything but
 * GjsonPathException. jqwik supplies 1,000 seeds; each drives 100 paths, so 100,000 inputs.
 */
class GjsonPropertiesTest {
  private static final String[] PIECES = {"body", "items", "name", "qty", "a", "b", "c", "0", "1", "#", "*", "?",
      "@this", "@reverse", "@keys", "@values", "@flatten", "#(name==\"beta\")", "#(qty>1)#", "#(", "\\", "\\.",
      "\"", ")", "==", "%", "x*y", "r?f", ""};
  private static final String SEPARATORS = "..|";

  @Property(tries = 1_000, generation = GenerationMode.RANDOMIZED)
  void randomPathsNeverCrash(@ForAll long seed) {
    Random r = new Random(seed);
    JsonNode doc = document(r, 4);
    for (int i = 0; i < 100; i++) {
      String path = r.nextInt(4) == 0 ? soup(r) : pieces(r);
      try {
        GjsonPath p = GjsonPath.compile(path);
        p.get(GjsonGoldenTest.EVENT).asString();
        p.get(doc).asString();
      } catch (GjsonPathException e) {
        if (!e.getMessage().contains(" at 1:")) {
          throw new AssertionError("error without position for <" + path + ">", e);
        }
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("crash on <" + path + "> (seed " + seed + ")", e);
      }
    }
  }

  private static String pieces(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(SEPARATORS.charAt(r.nextInt(SEPARATORS.length())));
      }
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private static String soup(Random r) {
    String alphabet = "ab#.|*?@()\\\"=!<>%01 ";
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static JsonNode document(Random r, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = depth == 0 ? 2 + r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0 -> {
        ObjectNode o = f.objectNode();
        for (String k : new String[] {"a", "b", "name", "items", "0"}) {
          if (r.nextBoolean()) {
            o.set(k, document(r, depth - 1));
          }
        }
        return o;
      }
      case 1 -> {
        ArrayNode a = f.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(document(r, depth - 1));
        }
        return a;
      }
      case 2 -> {
        return f.numberNode(r.nextInt(10));
      }
      case 3 -> {
        return f.textNode(r.nextBoolean() ? "beta" : "x");
      }
      case 4 -> {
        return f.booleanNode(r.nextBoolean());
      }
      default -> {
        return f.nullNode();
      }
    }
  }
}
