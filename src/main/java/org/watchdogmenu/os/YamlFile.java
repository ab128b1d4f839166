package org.watchdogmenu.os;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.watchdogmenu.model.ModelModule;

/**
 * Reads a small settings file (YAML, snake_case keys) into a record, strictly: an unknown key, a
 * wrong type or a bad value is a {@link ConfigException} of one line naming the file, the line and
 * the key.
 */
public final class YamlFile {
  private static final ObjectMapper MAPPER =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new ModelModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private YamlFile() {}

  /**
   * The file's content as {@code type}, or empty when the file does not exist or holds nothing.
   *
   * @throws ConfigException when the file cannot be read or does not fit {@code type}
   */
  public static <T> Optional<T> read(Path file, Class<T> type) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readValue(text, type));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " line " + line(text, e) + ": " + reason(e));
    }
  }

  private static String reason(JsonProcessingException e) {
    String where = e instanceof JsonMappingException m ? path(m) : "";
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      String in = where.contains(".") ? " in " + where.substring(0, where.lastIndexOf('.')) : "";
      return "unknown key '"
          + u.getPropertyName()
          + "'"
          + in
          + " (the keys here are "
          + known
          + ")";
    }
    if (e instanceof InvalidTypeIdException t) {
      String known = knownTypes(t);
      return t.getTypeId() == null
          ? "'" + where + "' needs a 'type': one of " + known
          : "'" + where + ".type' must be one of " + known + ", not '" + t.getTypeId() + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return prefix(where) + v.getCause().getMessage();
    }
    if (e instanceof JsonMappingException) {
      return prefix(where) + firstLine(e.getOriginalMessage());
    }
    return "not valid YAML: " + firstLine(e.getOriginalMessage());
  }

  private static String knownTypes(InvalidTypeIdException e) {
    JsonSubTypes types =
        e.getBaseType() == null
            ? null
            : e.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
    if (types == null) {
      return "the documented types";
    }
    return Arrays.stream(types.value())
        .map(JsonSubTypes.Type::name)
        .collect(Collectors.joining(", "));
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String prefix(String where) {
    return where.isEmpty() ? "" : "'" + where + "': ";
  }

  /**
   * The line of the key or item the error is about. Jackson's own location is where the parser
   * stopped, which for polymorphic records is the end of the record, so the path is looked up
   * again.
   */
  private static int line(String text, JsonProcessingException e) {
    JsonLocation stopped = e.getLocation();
    int fallback = stopped == null ? 1 : Math.max(1, stopped.getLineNr());
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return fallback;
    }
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : r.getIndex());
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      while (p.nextToken() != null) {
        if (p.getParsingContext().pathAsPointer().toString().contentEquals(pointer)) {
          return Math.max(1, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException ignored) {
      // the text parsed once already; keep the parser's own location
    }
    return fallback;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }
}
