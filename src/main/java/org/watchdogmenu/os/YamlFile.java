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
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern LEADING_KEY = Pattern.compile("'([a-z_]+)'");

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
      List<Object> path = path(e);
      String reason = reason(e, path);
      throw new ConfigException(file + " line " + line(text, path, e) + ": " + reason);
    }
  }

  /**
   * What is wrong, naming the key. A record constructor's message that starts with a quoted key
   * ({@code 'url' must be ...}) moves the path down to that key.
   */
  private static String reason(JsonProcessingException e, List<Object> path) {
    String where = dotted(path);
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      String in = path.size() > 1 ? " in " + dotted(path.subList(0, path.size() - 1)) : "";
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
      String message = v.getCause().getMessage();
      Matcher key = LEADING_KEY.matcher(message);
      if (key.lookingAt()) {
        path.add(key.group(1));
        return "'" + dotted(path) + "'" + message.substring(key.end());
      }
      return prefix(where) + message;
    }
    if (e instanceof InvalidFormatException f) {
      String message = firstLine(f.getOriginalMessage());
      if (f.getTargetType() != null && f.getTargetType().isEnum()) {
        int values = message.lastIndexOf('[');
        return "'"
            + where
            + "' must be one of "
            + (values >= 0 ? message.substring(values) : "the documented values")
            + ", not '"
            + f.getValue()
            + "'";
      }
      // a value type's own reason, without Jackson's preamble that repeats the (maybe secret) value
      int reasonAt = message.indexOf("\": ");
      return prefix(where) + (reasonAt >= 0 ? message.substring(reasonAt + 3) : message);
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

  /** The keys and list indexes down to the problem, e.g. {@code [channels, 0, url]}. */
  private static List<Object> path(JsonProcessingException e) {
    List<Object> path = new ArrayList<>();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.add(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.add(r.getIndex());
        }
      }
    }
    return path;
  }

  /** {@code channels[0].url} */
  private static String dotted(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object part : path) {
      if (part instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part);
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
  private static int line(String text, List<Object> path, JsonProcessingException e) {
    JsonLocation stopped = e.getLocation();
    int fallback = stopped == null ? 1 : Math.max(1, stopped.getLineNr());
    if (path.isEmpty()) {
      return fallback;
    }
    StringBuilder pointer = new StringBuilder();
    for (Object part : path) {
      pointer.append('/').append(part);
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
