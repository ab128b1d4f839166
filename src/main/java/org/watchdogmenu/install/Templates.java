package org.watchdogmenu.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of {@code templates/} (on the class path under {@code /templates/}) with their {@code
 * {{name}}} placeholders filled in. No logic: a placeholder is replaced by its value, and every
 * placeholder must have one.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9_]+)}}");

  private Templates() {}

  static String fill(String template, Map<String, String> values) {
    String text = load(template);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "template " + template + " needs a value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String load(String template) {
    try (InputStream in = Templates.class.getResourceAsStream("/templates/" + template)) {
      if (in == null) {
        throw new IllegalStateException("template " + template + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read template " + template, e);
    }
  }
}
