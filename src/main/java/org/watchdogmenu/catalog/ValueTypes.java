package org.watchdogmenu.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.regex.Pattern;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.Target;

/**
 * The kind of value each key of a target file holds, read from the model's records (a probe's
 * fields from its {@code type}), and text turned into such a value: a whole number for a port, a
 * list of words for a command. Text that does not fit stays text, so that the catalog's own checks
 * name the problem in their usual words.
 */
final class ValueTypes {
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
  private static final Pattern WORDS = Pattern.compile("\\s+");
  private static final Pattern NUMBERS = Pattern.compile("[\\s,]+");

  private ValueTypes() {}

  /**
   * The type of the value at path in a target tree, or null when the path is not a key the model
   * knows (the catalog then names the unknown key).
   */
  static Type at(JsonNode tree, KeyPath path) {
    Type type = Target.class;
    JsonNode node = tree;
    for (KeyPath.Part p : path.parts()) {
      if (p.isIndex()) {
        type = isList(type) ? ((ParameterizedType) type).getActualTypeArguments()[0] : null;
        node = node.path(p.index());
      } else {
        type = component(raw(type), p.key(), node);
        node = node.path(p.key());
      }
      if (type == null) {
        return null;
      }
    }
    return type;
  }

  /**
   * The text as a value of the type (or, for an unknown type, as YAML would read a plain word);
   * null for empty text.
   *
   * @throws CatalogException for a list written with {@code [} that is not a valid list
   */
  static JsonNode value(Type type, String text, KeyPath key) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (isList(type)) {
      return list((ParameterizedType) type, t, key);
    }
    Class<?> c = raw(type);
    boolean number = c == Integer.class || c == Long.class || c == int.class || c == long.class;
    boolean bool = c == Boolean.class || c == boolean.class;
    if ((number || c == null) && WHOLE.matcher(t).matches()) {
      long n = Long.parseLong(t);
      return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
    }
    if ((bool || c == null) && (t.equals("true") || t.equals("false"))) {
      return NODES.booleanNode(t.equals("true"));
    }
    return NODES.textNode(t);
  }

  private static JsonNode list(ParameterizedType type, String text, KeyPath key) {
    if (text.startsWith("[")) {
      try {
        JsonNode read = YamlSource.MAPPER.readTree(text);
        if (read != null && read.isArray()) {
          return read;
        }
      } catch (JsonProcessingException e) {
        // reported below
      }
      throw new CatalogException(
          "'" + key + "' is not a list: write it as [a, b], or as words separated by spaces");
    }
    Type item = type.getActualTypeArguments()[0];
    if (isList(item)) {
      return NODES.arrayNode().add(value(item, text, key));
    }
    Class<?> c = raw(item);
    boolean numbers = c == Integer.class || c == Long.class;
    ArrayNode out = NODES.arrayNode();
    for (String word : (numbers ? NUMBERS : WORDS).split(text)) {
      if (!word.isEmpty()) {
        out.add(value(item, word, key));
      }
    }
    return out;
  }

  private static Type component(Class<?> owner, String key, JsonNode node) {
    Class<?> c = owner;
    if (c == ProbeSpec.class) {
      if (key.equals("type")) {
        return String.class;
      }
      c = probeClass(node.path("type").asText(""));
    }
    if (c == null || !c.isRecord()) {
      return null;
    }
    for (RecordComponent rc : c.getRecordComponents()) {
      JsonProperty named = rc.getAccessor().getAnnotation(JsonProperty.class);
      String name = named != null ? named.value() : SNAKE.translate(rc.getName());
      if (name.equals(key)) {
        return rc.getGenericType();
      }
    }
    return null;
  }

  private static Class<?> probeClass(String type) {
    for (JsonSubTypes.Type t : ProbeSpec.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.name().equals(type)) {
        return t.value();
      }
    }
    return null;
  }

  private static boolean isList(Type type) {
    return type instanceof ParameterizedType p && List.class.isAssignableFrom(raw(p));
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
