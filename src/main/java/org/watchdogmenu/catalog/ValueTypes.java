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
import java.util.Optional;
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
   * The type of the value at path in a target tree, or empty when the path is not a key the model
   * knows (the catalog then names the unknown key).
   */
  static Optional<Type> at(JsonNode tree, KeyPath path) {
    Type type = Target.class;
    JsonNode node = tree;
    for (KeyPath.Part p : path.parts()) {
      Optional<Type> next;
      if (p.isIndex()) {
        next = itemType(type);
        node = node.path(p.index());
      } else {
        next = component(raw(type), p.key(), node);
        node = node.path(p.key());
      }
      if (next.isEmpty()) {
        return Optional.empty();
      }
      type = next.get();
    }
    return Optional.of(type);
  }

  /**
   * The text as a value of the type (or, for an unknown type, as YAML would read a plain word);
   * empty for empty text.
   *
   * @param type the type of the key, empty when the model does not know it
   * @throws CatalogException for a list written with {@code [} that is not a valid list
   */
  static Optional<JsonNode> value(Optional<Type> type, String text, KeyPath key) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (type.isPresent() && isList(type.get())) {
      return Optional.of(list((ParameterizedType) type.get(), t, key));
    }
    Optional<Class<?>> c = type.flatMap(ValueTypes::raw);
    boolean number =
        c.filter(k -> k == Integer.class || k == Long.class || k == int.class || k == long.class)
            .isPresent();
    boolean bool = c.filter(k -> k == Boolean.class || k == boolean.class).isPresent();
    if ((number || c.isEmpty()) && WHOLE.matcher(t).matches()) {
      long n = Long.parseLong(t);
      return Optional.of(n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n));
    }
    if ((bool || c.isEmpty()) && (t.equals("true") || t.equals("false"))) {
      return Optional.of(NODES.booleanNode(t.equals("true")));
    }
    return Optional.of(NODES.textNode(t));
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
      return NODES.arrayNode().add(value(Optional.of(item), text, key).orElseGet(NODES::nullNode));
    }
    boolean numbers = raw(item).filter(c -> c == Integer.class || c == Long.class).isPresent();
    ArrayNode out = NODES.arrayNode();
    for (String word : (numbers ? NUMBERS : WORDS).split(text)) {
      if (!word.isEmpty()) {
        out.add(value(Optional.of(item), word, key).orElseGet(NODES::nullNode));
      }
    }
    return out;
  }

  /** The type of a list's items; empty when the type is not a list. */
  private static Optional<Type> itemType(Type type) {
    return isList(type)
        ? Optional.of(((ParameterizedType) type).getActualTypeArguments()[0])
        : Optional.empty();
  }

  /** The type of the key in a record (of the subtype the node names); empty for an unknown key. */
  private static Optional<Type> component(Optional<Class<?>> owner, String key, JsonNode node) {
    Optional<Class<?>> c = owner;
    Optional<JsonTypeInfo> typed = c.map(k -> k.getAnnotation(JsonTypeInfo.class));
    if (typed.isPresent()) {
      if (key.equals(typed.get().property())) {
        return Optional.of(String.class);
      }
      c = subtype(c.get(), node.path(typed.get().property()).asText(""));
    }
    if (c.isEmpty() || !c.get().isRecord()) {
      return Optional.empty();
    }
    for (RecordComponent rc : c.get().getRecordComponents()) {
      if (keyOf(rc).equals(key)) {
        return Optional.of(rc.getGenericType());
      }
    }
    return Optional.empty();
  }

  /**
   * The keys a service of this kind takes ({@code kind} too), e.g. {@code unit} and {@code user}
   * for {@code systemd-user}; none for a kind that does not exist.
   */
  static Set<String> serviceKeys(String kind) {
    Optional<Class<?>> c = subtype(ServiceSpec.class, kind);
    Set<String> keys = new HashSet<>();
    if (c.isPresent()) {
      keys.add("kind");
      for (RecordComponent rc : c.get().getRecordComponents()) {
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
  private static Optional<Class<?>> subtype(Class<?> base, String name) {
    JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
    if (subtypes == null) {
      return Optional.empty();
    }
    for (JsonSubTypes.Type t : subtypes.value()) {
      if (t.name().equals(name)) {
        return Optional.of(t.value());
      }
    }
    return Optional.empty();
  }

  private static boolean isList(Type type) {
    return type instanceof ParameterizedType p
        && raw(p).filter(List.class::isAssignableFrom).isPresent();
  }

  /**
   * The class of a type (the raw class of a generic one); empty for a type variable or wildcard.
   */
  private static Optional<Class<?>> raw(Type type) {
    if (type instanceof Class<?> c) {
      return Optional.of(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return Optional.of(c);
    }
    return Optional.empty();
  }
}
