package org.watchdogmenu.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a secret written into the arguments of a command channel, where every account on the
 * machine can read it in the process list while the command runs. A secret is found when a word
 * names one and gives its value as written (not a placeholder such as {@code {message}}, a variable
 * such as {@code $TOKEN} or a printf format such as {@code %s}):
 *
 * <ul>
 *   <li>an option named like a secret with its value: {@code --token abc}, {@code --password=abc},
 *       {@code -api-key abc} (not {@code --password-file F});
 *   <li>an assignment named like a secret: {@code TOKEN=abc}, {@code api_key=abc};
 *   <li>a header that carries credentials: {@code Authorization: Bearer abc}, {@code X-Api-Key:
 *       abc}, {@code Cookie: ...};
 *   <li>a web address with a password ({@code https://user:pw@host}), a query parameter named like
 *       a secret ({@code ?token=abc}), or a webhook whose address is its own password (Slack,
 *       Discord, Microsoft Teams, Telegram bots).
 * </ul>
 *
 * Words inside a {@code sh -c} script are looked at too. The finding is shown masked, e.g. {@code
 * --token ****}.
 */
final class CommandSecrets {
  private static final String NAMES =
      "token|secret|passw(?:or)?d|passphrase|api[-_]?key|access[-_]?key|private[-_]?key|auth"
          + "|credentials?|bearer";

  /** A name that holds a secret word and does not end by pointing elsewhere. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)(?:[a-z0-9]+[-_])*(?:" + NAMES + ")(?:[-_][a-z0-9]+)*");

  private static final Pattern ELSEWHERE =
      Pattern.compile("(?i).*[-_](file|path|fd|env|stdin|cmd|command|id|type|name|url|method)$");
  private static final Pattern OPTION = Pattern.compile("(--?)([A-Za-z][A-Za-z0-9_-]*)(=(.*))?");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");
  private static final Pattern HEADER =
      Pattern.compile(
          "(?i)\\b(authorization|proxy-authorization|x-api-key|x-auth-token|x-access-token"
              + "|api-key|private-token|cookie)\\s*:\\s*(?:(?:bearer|basic|token|digest)\\s+)?(\\S+)");
  private static final Pattern USERINFO =
      Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@");
  private static final Pattern QUERY =
      Pattern.compile(
          "(?i)[?&]((?:[a-z0-9]+[-_])*(?:"
              + NAMES
              + "|key|sig|signature)(?:[-_][a-z0-9]+)*)=([^&\\s\"']+)");
  private static final Pattern WEBHOOK =
      Pattern.compile(
          "(?i)https?://(hooks\\.slack\\.com/services|(?:discord|discordapp)\\.com/api/webhooks"
              + "|[a-z0-9.-]*webhook\\.office\\.com|outlook\\.office\\.com/webhook"
              + "|api\\.telegram\\.org/bot)[^\\s\"']*");
  private static final Pattern SCRIPT_WORD = Pattern.compile("[^\\s\"'`;|&()<>]+");

  private CommandSecrets() {}

  /** The first secret written into the argv, masked (e.g. {@code --token ****}), or empty. */
  static Optional<String> find(List<String> argv) {
    Optional<String> found = inWords(argv);
    if (found.isPresent()) {
      return found;
    }
    for (String word : argv) {
      found = inText(word);
      if (found.isEmpty() && (word.indexOf(' ') >= 0 || word.indexOf('\t') >= 0)) {
        found = inWords(scriptWords(word));
      }
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The problem of an argv that holds a secret, in one line that names what to do; or empty. */
  static Optional<String> problem(List<String> argv) {
    return find(argv)
        .map(
            s ->
                "'command' gives a secret in its arguments ("
                    + s
                    + "), which every account can read in the process list while it runs: put"
                    + " it in the channel's 'env' (e.g. env: {TOKEN: ...}) and have the command"
                    + " read it from its environment");
  }

  private static Optional<String> inWords(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      Matcher o = OPTION.matcher(w);
      if (o.matches() && secretName(o.group(2))) {
        String value =
            o.group(4) != null ? o.group(4) : i + 1 < words.size() ? words.get(i + 1) : "";
        boolean attached = o.group(4) != null;
        if (literal(value) && (attached || !value.startsWith("-"))) {
          return Optional.of(o.group(1) + o.group(2) + (attached ? "=" : " ") + AlertSecrets.MASK);
        }
      }
      Matcher a = ASSIGNMENT.matcher(w);
      if (a.matches() && secretName(a.group(1)) && literal(a.group(2))) {
        return Optional.of(a.group(1) + "=" + AlertSecrets.MASK);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inText(String word) {
    Matcher h = HEADER.matcher(word);
    while (h.find()) {
      if (literal(h.group(2))) {
        return Optional.of(h.group(1) + ": " + AlertSecrets.MASK);
      }
    }
    Matcher u = USERINFO.matcher(word);
    if (u.find()) {
      return Optional.of(
          "a password in " + AlertSecrets.addresses(word.substring(u.start())).split("\\s")[0]);
    }
    Matcher q = QUERY.matcher(word);
    while (q.find()) {
      if (literal(q.group(2))) {
        return Optional.of(q.group(1) + "=" + AlertSecrets.MASK);
      }
    }
    Matcher hook = WEBHOOK.matcher(word);
    if (hook.find()) {
      return Optional.of("the webhook " + AlertSecrets.addresses(hook.group()));
    }
    return Optional.empty();
  }

  private static boolean secretName(String name) {
    return SECRET_NAME.matcher(name).matches() && !ELSEWHERE.matcher(name).matches();
  }

  /** A value as written: not empty, not a placeholder, a shell variable or a printf format. */
  private static boolean literal(String value) {
    String v = value.strip();
    while (v.length() > 1 && "\"'".indexOf(v.charAt(0)) >= 0) {
      v = v.substring(1);
    }
    return !v.isEmpty()
        && !v.startsWith("$")
        && !v.startsWith("%")
        && !v.matches("\\{(event|target|message|time|host)\\}.*")
        && !v.equals("\"")
        && !v.equals("'");
  }

  /**
   * The words of a script given as one argument ({@code sh -c '...'}), roughly as a shell splits.
   */
  private static List<String> scriptWords(String script) {
    List<String> words = new ArrayList<>();
    Matcher m = SCRIPT_WORD.matcher(script);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
