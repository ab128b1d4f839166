package org.watchdogmenu.os;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a small settings file (YAML, snake_case keys) into a record, strictly: an unknown key, a
 * wrong type or a bad value is a {@link ConfigException} of one line naming the file, the line and
 * the key.
 *
 * <p>The files it reads decide what root runs, so they are read with {@link SafeRead#owned} (root's
 * own file in root's own folder, never a link, a FIFO or a device, at most {@link
 * SafeRead#CONFIG_CAP}), and their shape is capped before a value is read: a line longer than
 * {@value #MAX_LINE} characters, nesting deeper than {@value #MAX_DEPTH}, more than {@value
 * #MAX_VALUES} values, and YAML anchors and aliases ({@code &name}, {@code *name}) are refused in
 * one line. The catalog's target reader uses the same caps ({@link #factory}, {@link
 * #shapeProblem}).
 */
public final class YamlFile {
  /** How deep mappings and lists may nest. A target file needs five levels. */
  public static final int MAX_DEPTH = 32;

  /** How many values (scalars, mappings, lists) one file may hold. */
  public static final int MAX_VALUES = 20_000;

  /**
   * How long one line may be, in characters. SnakeYAML copies its look-ahead buffer for every chunk
   * of a token it reads, so one long line costs time and memory that grow with its square (a 1 MB
   * line: seconds and hundreds of MB); no setting needs a line this long.
   */
  public static final int MAX_LINE = 64 * 1024;

  /** Made on first use: a run that finds no settings file never builds a mapper. */
  private static final class Mapper {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder(factory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new ModelModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
  }

  private static final Pattern LEADING_KEY = Pattern.compile("'([a-z_]+)'");

  private YamlFile() {}

  /**
   * The file's content as {@code type}, or empty when the file does not exist or holds nothing.
   *
   * @throws ConfigException when the file is refused (owner, mode, folder, kind, size), cannot be
   *     read, or does not fit {@code type}
   */
  public static <T> Optional<T> read(Path file, Class<T> type) throws ConfigException {
    return read(file, type, "settings file");
  }

  /**
   * The same, naming the file's role in a refusal ({@code "alerts file"}).
   *
   * @throws ConfigException one line: refused, unreadable, or not fitting {@code type}
   */
  public static <T> Optional<T> read(Path file, Class<T> type, String what) throws ConfigException {
    Optional<String> text = readText(file, what);
    return text.isEmpty() ? Optional.empty() : parse(text.get(), file.toString(), type);
  }

  /**
   * The file's text, read with the same rules as {@link #read} but not parsed (for a caller that
   * reads its own plain form first); empty when the file does not exist.
   *
   * @throws ConfigException one line: refused, unreadable, or not UTF-8
   */
  public static Optional<String> readText(Path file, String what) throws ConfigException {
    byte[] bytes;
    try {
      bytes = SafeRead.owned(file, SafeRead.CONFIG_CAP, what);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (UnsafePathException e) {
      throw new ConfigException(e.getMessage());
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      throw new ConfigException(file + ": is not UTF-8 text");
    }
    return text;
  }

  /**
   * Text already in hand (a candidate about to be written) as {@code type}, with the same caps and
   * messages as {@link #read}; {@code name} stands for the file in messages.
   *
   * @throws ConfigException one line naming {@code name}, the line and the key
   */
  public static <T> Optional<T> parse(String text, String name, Class<T> type)
      throws ConfigException {
    if (text.isBlank()) {
      return Optional.empty();
    }
    Optional<Shape> shape = shapeProblem(text);
    if (shape.isPresent()) {
      throw new ConfigException(name + " line " + shape.get().line() + ": " + shape.get().reason());
    }
    try {
      return Optional.ofNullable(Mapper.MAPPER.readValue(text, type));
    } catch (JsonProcessingException e) {
      List<Object> path = path(e);
      String reason = reason(e, path);
      throw new ConfigException(name + " line " + line(text, path, e) + ": " + reason);
    }
  }

  /** The bytes as UTF-8 text; empty when they are not UTF-8. */
  public static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * A YAML factory whose parsers stop at the caps: at most {@link SafeRead#CONFIG_CAP} code points,
   * nesting at most {@value #MAX_DEPTH} deep.
   */
  public static YAMLFactory factory(YAMLParser.Feature... enabled) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(SafeRead.CONFIG_CAP);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(0);
    YAMLFactoryBuilder b =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(SafeRead.CONFIG_CAP)
                    .build());
    for (YAMLParser.Feature f : enabled) {
      b.enable(f);
    }
    return b.build();
  }

  /**
   * Where a text breaks a cap of the strict readers, and how.
   *
   * @param line 1-based
   * @param reason what is wrong and what to do, without the file and line
   */
  public record Shape(int line, String reason) {}

  /**
   * What the strict readers refuse before reading a value: a text larger than {@link
   * SafeRead#CONFIG_CAP}, a line longer than {@value #MAX_LINE} characters, nesting deeper than
   * {@value #MAX_DEPTH}, more than {@value #MAX_VALUES} values, and YAML anchors ({@code &name})
   * and aliases ({@code *name}), which Jackson would read as the plain text of the name. Empty when
   * none of these (a syntax error is left to the reader, which names it).
   */
  public static Optional<Shape> shapeProblem(String text) {
    if (text.length() > SafeRead.CONFIG_CAP) {
      return Optional.of(
          new Shape(1, "the file is larger than " + SafeRead.CONFIG_CAP / (1024 * 1024) + " MiB"));
    }
    int lineNumber = 1;
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - lineStart > MAX_LINE) {
          return Optional.of(
              new Shape(
                  lineNumber,
                  "the line is longer than "
                      + MAX_LINE
                      + " characters: no setting needs a value that long"));
        }
        lineNumber++;
        lineStart = i + 1;
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(SafeRead.CONFIG_CAP);
    Parser events = new ParserImpl(new StreamReader(new StringReader(text)), options);
    int depth = 0;
    int values = 0;
    try {
      while (events.peekEvent() != null) {
        Event e = events.getEvent();
        int line = e.getStartMark() == null ? 1 : e.getStartMark().getLine() + 1;
        if (e instanceof AliasEvent a) {
          return Optional.of(
              new Shape(
                  line,
                  "the alias '*"
                      + a.getAnchor()
                      + "' is not allowed: write the value out (YAML anchors and aliases are"
                      + " refused)"));
        }
        if (e instanceof NodeEvent n && n.getAnchor() != null) {
          return Optional.of(
              new Shape(
                  line,
                  "the anchor '&"
                      + n.getAnchor()
                      + "' is not allowed: remove it and write each value out (YAML anchors and"
                      + " aliases are refused)"));
        }
        if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
          if (++depth > MAX_DEPTH) {
            return Optional.of(
                new Shape(
                    line,
                    "mappings and lists are nested more than "
                        + MAX_DEPTH
                        + " levels deep: flatten the file"));
          }
        } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
          depth--;
        }
        if (e instanceof NodeEvent && ++values > MAX_VALUES) {
          return Optional.of(
              new Shape(line, "the file holds more than " + MAX_VALUES + " values: it is refused"));
        }
      }
    } catch (YAMLException | IllegalStateException e) {
      // a syntax error: the reader that follows names it with its line
    }
    return Optional.empty();
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
    try (JsonParser p = Mapper.MAPPER.getFactory().createParser(text)) {
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
