package org.watchdogmenu.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.model.ModelModule;
import org.watchdogmenu.os.YamlFile;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a tree while streaming its tokens, so that every key and list item keeps the
 * line it was written on. Duplicate keys are errors; anchors, aliases, deep nesting and huge texts
 * are refused first, with the caps of {@link YamlFile}. Holds the strict mapper that turns trees
 * into model records.
 */
final class YamlSource {
  private static final YAMLFactory FACTORY =
      YamlFile.factory(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * snake_case keys, unknown keys are errors, no scalar coercion (a string is never read as a
   * number or a one-item list).
   */
  static final ObjectMapper MAPPER =
      YAMLMapper.builder(FACTORY)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new ModelModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private YamlSource() {}

  /**
   * @param file the name errors use, e.g. {@code menus/paqet.yaml}
   * @throws CatalogException for a syntax error, a duplicate key, a file that is not a mapping, or
   *     one over the caps of {@link YamlFile#shapeProblem} (size, nesting, anchors and aliases)
   */
  static SourceTree read(String text, String file) {
    Optional<YamlFile.Shape> shape = YamlFile.shapeProblem(text);
    if (shape.isPresent()) {
      throw CatalogException.at(new Location(file, shape.get().line()), shape.get().reason());
    }
    Map<String, Location> lines = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw CatalogException.at(new Location(file, 1), "the file is empty: write 'id: NAME'");
      }
      if (first != JsonToken.START_OBJECT) {
        throw CatalogException.at(
            where(p, file), "the file must be a mapping of keys and values, e.g. 'id: web'");
      }
      lines.put("", where(p, file));
      ObjectNode root = readObject(p, "", lines, file);
      if (p.nextToken() != null) {
        throw CatalogException.at(
            where(p, file), "only one YAML document is allowed: remove the second '---' part");
      }
      return new SourceTree(root, new SourceMap(file, lines));
    } catch (JsonProcessingException e) {
      throw syntaxError(e, file);
    } catch (IOException e) {
      throw CatalogException.at(new Location(file, 1), "cannot be read: " + e.getMessage());
    }
  }

  /** SnakeYAML's problem and its line (not the context it started from), else Jackson's. */
  private static CatalogException syntaxError(JsonProcessingException e, String file) {
    int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    String reason = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      line = m.getProblemMark().getLine() + 1;
      reason = m.getProblem();
    }
    String first = reason == null ? "" : reason.strip().lines().findFirst().orElse("");
    return CatalogException.at(new Location(file, Math.max(1, line)), "not valid YAML: " + first);
  }

  private static ObjectNode readObject(
      JsonParser p, String path, Map<String, Location> lines, String file) throws IOException {
    ObjectNode node = NODES.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String keyPath = SourceMap.child(path, key);
      Location where = where(p, file);
      if (node.has(key)) {
        throw CatalogException.at(
            where,
            "duplicate key '"
                + key
                + "'"
                + (path.isEmpty() ? "" : " in " + path)
                + " (first on line "
                + lines.get(keyPath).line()
                + "): keep one");
      }
      lines.put(keyPath, where);
      p.nextToken();
      node.set(key, readValue(p, keyPath, lines, file));
    }
    return node;
  }

  private static ArrayNode readArray(
      JsonParser p, String path, Map<String, Location> lines, String file) throws IOException {
    ArrayNode node = NODES.arrayNode();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String itemPath = path + "[" + node.size() + "]";
      lines.put(itemPath, where(p, file));
      node.add(readValue(p, itemPath, lines, file));
    }
    return node;
  }

  private static JsonNode readValue(
      JsonParser p, String path, Map<String, Location> lines, String file) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        return readObject(p, path, lines, file);
      case START_ARRAY:
        return readArray(p, path, lines, file);
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(p.getBooleanValue());
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw CatalogException.at(
            where(p, file), "'" + path + "' has a value that is not supported here");
    }
  }

  private static Location where(JsonParser p, String file) {
    return new Location(file, Math.max(1, p.currentTokenLocation().getLineNr()));
  }
}
