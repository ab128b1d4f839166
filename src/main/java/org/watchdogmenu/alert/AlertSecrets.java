package org.watchdogmenu.alert;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hides the secrets of alerts.yaml wherever the file or a channel is shown (previews and their
 * diffs, channel lists, the equivalent command line): a web address keeps its scheme and host and
 * loses its user, path and query ({@code https://hooks.slack.com/****}); a header keeps its name
 * and loses its value ({@code Authorization: ****}); so does a command channel's environment
 * variable ({@code TOKEN: ****}), an Alertmanager channel's {@code bearer_token} and every value of
 * its {@code basic_auth}.
 */
public final class AlertSecrets {
  /** What stands for a hidden part. */
  public static final String MASK = "****";

  private static final Pattern ADDRESS =
      Pattern.compile("(?i)(https?://)([^/\\s\"'?#@]*@)?([^/\\s\"'?#]*)([^\\s\"']*)");
  private static final Pattern HEADERS =
      Pattern.compile("^(\\s*(?:-\\s+)?)(headers|env|basic_auth):\\s*(.*)$");
  private static final Pattern SECRET_KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)(bearer_token|password):\\s*(\\S.*)$");
  private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?[^:#]+:)(\\s*)(\\S.*)$");

  private AlertSecrets() {}

  /** Every web address in the text with only its scheme and host left. */
  public static String addresses(String text) {
    Matcher m = ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean hidden = m.group(2) != null || !m.group(4).isEmpty();
      String shown = m.group(1) + m.group(3) + (hidden ? "/" + MASK : "");
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The text of an alerts.yaml with its addresses masked and the values of its headers replaced by
   * {@value #MASK}, line for line, so a diff of two masked texts still shows what changed where.
   */
  public static String file(String yaml) {
    StringBuilder out = new StringBuilder();
    int headers = -1;
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String shown = line;
      boolean content = !line.isBlank() && !line.strip().startsWith("#");
      if (headers >= 0 && content) {
        if (indent(line) > headers) {
          shown = value(line);
        } else {
          headers = -1;
        }
      }
      Matcher secret = SECRET_KEY.matcher(shown);
      if (secret.matches()) {
        shown = secret.group(1) + secret.group(2) + ": " + MASK;
      }
      Matcher h = HEADERS.matcher(line);
      if (headers < 0 && h.matches()) {
        String rest = h.group(3);
        if (rest.isEmpty() || rest.startsWith("#")) {
          headers = h.group(1).length();
        } else {
          shown = h.group(1) + h.group(2) + ": {" + MASK + "}";
        }
      }
      out.append(addresses(shown));
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Names with their values hidden: {@code TOKEN=**** CHAT=****}. */
  public static String names(Collection<String> names) {
    return names.stream().map(n -> n + "=" + MASK).collect(Collectors.joining(" "));
  }

  /**
   * The text with every value of {@code secrets} in it replaced by {@value #MASK}, e.g. the output
   * of a command that printed the token it was given.
   */
  public static String values(String text, Collection<String> secrets) {
    String out = text;
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /** A line inside a headers block with its value hidden, or all of it when it has no key. */
  private static String value(String line) {
    Matcher k = KEY.matcher(line);
    if (k.matches()) {
      return k.group(1) + " " + MASK;
    }
    return " ".repeat(indent(line)) + MASK;
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '-')) {
      n++;
    }
    return n;
  }
}
