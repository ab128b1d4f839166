package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes the text of a site file in place where it can, so that its comments and layout stay: a
 * value changed on the line of its key is replaced there, a new key of a block mapping is added
 * after the mapping's last line (a new top-level key at the end). Anything else (a key taken away,
 * a list that grew, a value in flow style) is not patched. The result is read back and must give
 * exactly the new tree.
 */
final class YamlPatch {
  private final SourceTree before;
  private final String[] lines;
  private final TreeMap<Integer, StringBuilder> inserts = new TreeMap<>();

  private YamlPatch(String text, SourceTree before) {
    this.before = before;
    this.lines = text.split("\n", -1);
  }

  /**
   * The text changed to give {@code after}, or empty when that cannot be done in place.
   *
   * @param before the text read, with the line of every value
   */
  static Optional<String> apply(String text, SourceTree before, ObjectNode after) {
    YamlPatch patch = new YamlPatch(text, before);
    if (!patch.same(before.tree(), after, "")) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(List.of(patch.lines));
    if (!out.get(out.size() - 1).isEmpty()) {
      out.add("");
    }
    for (Map.Entry<Integer, StringBuilder> e : patch.inserts.descendingMap().entrySet()) {
      int row = Math.min(e.getKey(), out.size() - 1);
      out.add(row, e.getValue().toString().stripTrailing());
    }
    String patched = String.join("\n", out);
    try {
      String name = before.lines().primaryFile();
      return YamlSource.read(patched, name).tree().equals(after)
          ? Optional.of(patched)
          : Optional.empty();
    } catch (CatalogException e) {
      return Optional.empty();
    }
  }

  /** Whether old becomes now by the edits made on the way. */
  private boolean same(JsonNode old, JsonNode now, String path) {
    if (old.equals(now)) {
      return true;
    }
    if (old.isObject() && now.isObject()) {
      for (Iterator<String> keys = old.fieldNames(); keys.hasNext(); ) {
        if (!now.has(keys.next())) {
          return false;
        }
      }
      for (Iterator<String> keys = now.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!old.has(key)) {
          if (!add(path, old, key, now.get(key))) {
            return false;
          }
        } else if (!same(old.get(key), now.get(key), SourceMap.child(path, key))) {
          return false;
        }
      }
      return true;
    }
    if (old.isArray() && now.isArray() && old.size() == now.size()) {
      for (int i = 0; i < old.size(); i++) {
        if (!same(old.get(i), now.get(i), path + "[" + i + "]")) {
          return false;
        }
      }
      return true;
    }
    return !old.isContainerNode() && !now.isContainerNode() && replace(path, now);
  }

  /**
   * Adds {@code key: value} to the block mapping at path (the file itself when path is empty),
   * after its last line and indented like its other keys.
   */
  private boolean add(String path, JsonNode mapping, String key, JsonNode value) {
    int row = lines.length;
    String indent = "";
    if (!path.isEmpty()) {
      if (mapping.isEmpty()) {
        return false;
      }
      String sibling = mapping.fieldNames().next();
      Matcher m =
          keyOn(lines[before.lines().at(SourceMap.child(path, sibling)).line() - 1], sibling);
      if (m == null || m.group().contains("{") || m.group().contains(",")) {
        return false;
      }
      indent = " ".repeat(m.start(2));
      row = before.lines().lastLine(path);
    }
    String block = YamlWriter.document(JsonNodeFactory.instance.objectNode().set(key, value));
    StringBuilder text = inserts.computeIfAbsent(row, r -> new StringBuilder());
    for (String l : block.split("\n")) {
      text.append(indent).append(l).append('\n');
    }
    return true;
  }

  /** Where {@code key:} is on the line (group 2 is the key), or null. */
  private static Matcher keyOn(String line, String key) {
    Matcher m = Pattern.compile("(^|[\\s{,-])(" + Pattern.quote(key) + "):(?=\\s|$)").matcher(line);
    return m.find() ? m : null;
  }

  /** Replaces the value written after {@code key:} on the line of path. */
  private boolean replace(String path, JsonNode value) {
    if (path.endsWith("]")) {
      return false;
    }
    String key = path.substring(path.lastIndexOf('.') + 1);
    int row = before.lines().at(path).line() - 1;
    String line = lines[row];
    Matcher m = keyOn(line, key);
    if (m == null) {
      return false;
    }
    int start = m.end();
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    boolean flow = line.lastIndexOf('{', m.start()) >= 0;
    int end = valueEnd(line, start, flow);
    if (end < 0) {
      return false;
    }
    String head = start > m.end() ? line.substring(0, start) : line.substring(0, m.end()) + " ";
    lines[row] = head + YamlWriter.scalar(value) + line.substring(end);
    return true;
  }

  /** Where the scalar starting at start ends, or -1 for a value this does not patch. */
  private static int valueEnd(String line, int start, boolean flow) {
    if (start >= line.length()) {
      return start;
    }
    char first = line.charAt(start);
    if (first == '"') {
      for (int i = start + 1; i < line.length(); i++) {
        if (line.charAt(i) == '\\') {
          i++;
        } else if (line.charAt(i) == '"') {
          return i + 1;
        }
      }
      return -1;
    }
    if (first == '\'') {
      for (int i = start + 1; i < line.length(); i++) {
        if (line.charAt(i) == '\'') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
            i++;
          } else {
            return i + 1;
          }
        }
      }
      return -1;
    }
    if ("|>[{&*!".indexOf(first) >= 0) {
      return -1;
    }
    int end = line.length();
    int comment = line.indexOf(" #", start);
    if (comment >= 0) {
      end = comment;
    }
    if (flow) {
      for (int i = start; i < end; i++) {
        if (line.charAt(i) == ',' || line.charAt(i) == '}') {
          end = i;
          break;
        }
      }
    }
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
