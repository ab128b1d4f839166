package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.watchdogmenu.engine.LogFiles;
import org.watchdogmenu.model.Target;

/**
 * A target's health log or restart (cron) log: the last 200 lines, follow mode, search, jump to the
 * end, and a plain message when the log does not exist yet.
 */
final class LogView implements View {
  static final int LINES = 200;
  private static final long POLL_MILLIS = 500;

  private final Session session;
  private final Target target;
  private final TextPane pane = new TextPane();
  private boolean health = true;
  private boolean follow;
  private String search;
  private String typing;
  private List<String> text = List.of();
  private long polled;
  private long stamp = -1;
  private int lastHit = -1;
  private int width = 76;

  LogView(Session session, Target target) {
    this.session = session;
    this.target = target;
    load();
    pane.toEnd();
  }

  @Override
  public String crumb() {
    return health ? "Health log" : "Restart log";
  }

  @Override
  public List<String> keys(Look look) {
    if (typing != null) {
      return List.of("type the text", "Enter search", "Esc stop");
    }
    return List.of(
        "f follow" + (follow ? " (on)" : ""),
        "/ find",
        "n next",
        "t " + (health ? "restart log" : "health log"),
        "End end",
        look.upDown() + " scroll");
  }

  private String hostPath() {
    return health ? target.paths().healthLog() : target.paths().cronLog();
  }

  private void load() {
    Path file = session.host().root().resolve(hostPath());
    try {
      if (!Files.isRegularFile(file)) {
        stamp = -1;
        text = List.of();
        return;
      }
      long now = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
      if (now != stamp) {
        stamp = now;
        text = LogFiles.tail(file, LINES);
      }
    } catch (IOException e) {
      text = List.of("Cannot read " + hostPath() + ": " + e.getMessage());
    }
  }

  @Override
  public List<Line> body(int width, int height) {
    this.width = width;
    List<Line> lines = new ArrayList<>();
    if (stamp == -1 && text.isEmpty()) {
      lines.add(
          Line.of("The " + (health ? "health" : "restart") + " log does not exist yet:", Tone.OFF));
      lines.add(Line.of("  " + hostPath(), Tone.OFF));
      lines.add(
          Line.of(
              "It is written by the first "
                  + (health ? "health check." : "scheduled or manual restart."),
              Tone.OFF));
      return lines;
    }
    String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
    for (String l : text) {
      boolean hit = needle != null && l.toLowerCase(Locale.ROOT).contains(needle);
      Tone tone =
          l.contains("FAIL") || l.contains("DENIED")
              ? Tone.BAD
              : l.contains("SKIPPED") || l.contains("WARNING") ? Tone.WARN : Tone.PLAIN;
      lines.add(new Line(l, tone, null, Tone.PLAIN, hit));
    }
    if (typing == null) {
      return pane.window(Wrap.lines(lines, width), height);
    }
    // the search line under the window; the lines above and below it are still counted
    Visible window = pane.window(Wrap.lines(lines, width), Math.max(0, height - 1));
    List<Line> shown = new ArrayList<>(window);
    shown.add(Line.of("Search: " + typing + "_", Tone.HEAD));
    return new Visible(shown, window.above(), window.below());
  }

  @Override
  public boolean tick() {
    long now = session.host().clock().millis();
    if (!follow || (now >= polled && now - polled < POLL_MILLIS)) {
      return false;
    }
    polled = now;
    List<String> before = text;
    load();
    if (before != text) {
      pane.toEnd();
      return true;
    }
    return false;
  }

  @Override
  public Step key(KeyStroke key) {
    if (typing != null) {
      return type(key);
    }
    if (pane.key(key)) {
      follow = follow && pane.atEnd();
      return Step.STAY;
    }
    if (key.getKeyType() != KeyType.Character) {
      return Step.UNHANDLED;
    }
    switch (key.getCharacter()) {
      case 'f':
        follow = !follow;
        if (follow) {
          load();
          pane.toEnd();
        }
        return follow ? Step.say("Following: new lines appear as they are written.") : Step.STAY;
      case '/':
        typing = "";
        return Step.STAY;
      case 'n':
        return next();
      case 't':
        health = !health;
        stamp = -1;
        search = null;
        load();
        pane.toEnd();
        return Step.STAY;
      default:
        return Step.UNHANDLED;
    }
  }

  private Step type(KeyStroke key) {
    switch (key.getKeyType()) {
      case Escape:
        typing = null;
        return Step.STAY;
      case Enter:
        search = typing.isEmpty() ? null : typing;
        typing = null;
        return search == null ? Step.STAY : next();
      case Backspace:
        typing = typing.isEmpty() ? "" : typing.substring(0, typing.length() - 1);
        return Step.STAY;
      case Character:
        typing += key.getCharacter();
        return Step.STAY;
      default:
        return Step.STAY;
    }
  }

  private Step next() {
    if (search == null) {
      return Step.say("Nothing to find yet: press / and type a text.");
    }
    String needle = search.toLowerCase(Locale.ROOT);
    for (int k = 1; k <= text.size(); k++) {
      int i = (lastHit + k) % text.size();
      if (text.get(i).toLowerCase(Locale.ROOT).contains(needle)) {
        lastHit = i;
        follow = false;
        int row = 0;
        for (int j = 0; j < i; j++) {
          row += Wrap.rows(text.get(j), width);
        }
        pane.toLine(row);
        return Step.say("Found '" + search + "' in line " + (i + 1) + " of " + text.size());
      }
    }
    return Step.say("'" + search + "' is not in the last " + LINES + " lines.");
  }

  @Override
  public List<String> help() {
    return List.of(
        "The last lines of the target's health log or restart log. Red lines say FAIL or "
            + "DENIED (the guard's cap), yellow SKIPPED (its cooldown) or WARNING.",
        "f follows new lines as they are written, / finds a text, n the next match, t "
            + "switches between the two logs, End jumps to the end.");
  }
}
