package org.watchdogmenu.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;

/**
 * The kind of value each key of a target file holds, read from the model's records (a probe's
 * fields from its {@code type}, a service's from its {@code kind}), and text turned into such a
 * value: a whole number for a port, a list of words for a command. Text that does not fit stays
 * text, so that the catalog's own checks name the problem in their usual words.
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
    JsonTypeInfo typed = c == null ? null : c.getAnnotation(JsonTypeInfo.class);
    if (typed != null) {
      if (key.equals(typed.property())) {
        return String.class;
      }
      c = subtype(c, node.path(typed.property()).asText(""));
    }
    if (c == null || !c.isRecord()) {
      return null;
    }
    for (RecordComponent rc : c.getRecordComponents()) {
      if (keyOf(rc).equals(key)) {
        return rc.getGenericType();
      }
    }
    return null;
  }

  /**
   * The keys a service of this kind takes ({@code kind} too), e.g. {@code unit} and {@code user}
   * for {@code systemd-user}; none for a kind that does not exist.
   */
  static Set<String> serviceKeys(String kind) {
    Class<?> c = subtype(ServiceSpec.class, kind);
    Set<String> keys = new HashSet<>();
    if (c != null) {
      keys.add("kind");
      for (RecordComponent rc : c.getRecordComponents()) {
        keys.add(keyOf(rc));
      }
    }
    return keys;
  }

  private static String keyOf(RecordComponent rc) {
    JsonProperty named = rc.getAccessor().getAnnotation(JsonProperty.class);
    return named != null ? named.value() : SNAKE.translate(rc.getName());
  }

  /** The record a polymorphic type (probe, service) is read as for the name in its file. */
  private static Class<?> subtype(Class<?> base, String name) {
    JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
    if (subtypes == null) {
      return null;
    }
    for (JsonSubTypes.Type t : subtypes.value()) {
      if (t.name().equals(name)) {
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
