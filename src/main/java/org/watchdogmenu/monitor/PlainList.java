package org.watchdogmenu.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain form of {@link MonitorList}'s file, read without a YAML parser: comment lines, blank
 * lines and one line {@code targets: [web, api]} of plain target ids, which is what {@link
 * MonitorList#render} writes. It gives exactly what the YAML reading gives for such a text, and
 * nothing for any other text (a block list, quotes, flow over lines, an id YAML would read as
 * another type), which the YAML reading then judges.
 */
final class PlainList {
  private static final Pattern LINE =
      Pattern.compile("targets: +\\[ *([^\\]\\[#]*?) *\\] *(?: #.*)?");
  private static final Pattern ID = Pattern.compile(" *([a-z][a-z0-9-]{0,62}) *");
  private static final Pattern SKIP = Pattern.compile(" *(?:#.*)?");

  /** Words YAML 1.1 reads as booleans or null, which are no plain strings. */
  private static final Set<String> SPECIAL =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private PlainList() {}

  static Optional<MonitorList> read(String text) {
    if (text.contains("\t") || text.contains("\r")) {
      return Optional.empty();
    }
    Optional<MonitorList> found = Optional.empty();
    for (String line : text.split("\n", -1)) {
      if (SKIP.matcher(line).matches()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (found.isPresent() || !m.matches()) {
        return Optional.empty();
      }
      Optional<List<String>> ids = ids(m.group(1));
      if (ids.isEmpty()) {
        return Optional.empty();
      }
      found = Optional.of(new MonitorList(ids.get()));
    }
    return found;
  }

  private static Optional<List<String>> ids(String list) {
    List<String> ids = new ArrayList<>();
    if (list.isEmpty()) {
      return Optional.of(ids);
    }
    for (String word : list.split(",", -1)) {
      Matcher m = ID.matcher(word);
      if (!m.matches() || SPECIAL.contains(m.group(1))) {
        return Optional.empty();
      }
      ids.add(m.group(1));
    }
    return Optional.of(ids);
  }
}
