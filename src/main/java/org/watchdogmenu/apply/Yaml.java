package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.watchdogmenu.catalog.YamlWriter;

/**
 * The YAML reader and writer of apply and export; written the way target files are ({@link
 * YamlWriter}: block style, quotes only where needed).
 */
final class Yaml {
  static final ObjectMapper MAPPER = new YAMLMapper();

  private Yaml() {}

  /** The tree as a YAML document, ending with a newline. */
  static String document(JsonNode tree) {
    return YamlWriter.document(tree);
  }
}
