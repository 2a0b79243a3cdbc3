package io.quargo.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Read-only Map/List views over Jackson trees, so event payloads are not copied per evaluation. */
final class JsonViews {
  private JsonViews() {}

  static final class ObjectView extends AbstractMap<String, Object> {
    private final ObjectNode node;

    ObjectView(ObjectNode node) {
      this.node = node;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String k ? Values.of(node.get(k)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String k && node.has(k);
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return fields.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              Map.Entry<String, JsonNode> e = fields.next();
              return new SimpleImmutableEntry<>(e.getKey(), Values.of(e.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return node.size();
        }
      };
    }
  }

  static final class ArrayView extends AbstractList<Object> {
    private final ArrayNode node;

    ArrayView(ArrayNode node) {
      this.node = node;
    }

    @Override
    public Object get(int index) {
      return Values.of(node.get(index));
    }

    @Override
    public int size() {
      return node.size();
    }
  }
}
