package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.engine.LogFiles;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.engine.Pauses;
import org.watchdogmenu.engine.RestartHistory;
import org.watchdogmenu.engine.TargetStatus;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.service.ServiceState;

/**
 * One target: whether its service runs and since when, its guard (restarts in the window, cooldown,
 * cap), its last check and that check's lines, then its numbered features and actions. It reads its
 * files again every second while no key comes. Changes go through a preview ({@link PlanView}) or a
 * y/n question; a check or a restart runs in a {@link RunView}.
 */
final class TargetView extends MenuView {
  /** At most this many lines of the last check are shown under the menu. */
  static final int CHECK_LINES = 12;

  private static final Pattern STAMPED = Pattern.compile("^\\[([0-9T:.Z+-]+)\\] (.*)$");

  private final Session session;
  private final Group group;
  private final Target target;
  private final Pending pending = new Pending();
  private final Refresh refresh;
  private int width = 76;
  private int height = 19;
  private Choices menu;
  private int footRoom = CHECK_LINES + 2;
  private List<String> checkLines = List.of();
  private String checkLinesStamp = "";

  TargetView(Session session, Group group, Target target) {
    this.session = session;
    this.group = group;
    this.target = target;
    this.refresh = new Refresh(session);
  }

  @Override
  public String crumb() {
    return group.targets().size() == 1 ? group.title() : group.name(target);
  }

  @Override
  List<Line> head() {
    TimeWords time = session.time();
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of(target.title() + " (" + target.id() + ")", Tone.HEAD));
    lines.add(service(time));
    session.running().stream()
        .filter(r -> r.endsWith(" of " + target.id()))
        .forEach(r -> lines.add(Line.of("Running now in the background: " + r, Tone.WARN)));
    new Pauses(session.host().root())
        .holding(target.id(), time.now())
        .ifPresent(p -> lines.add(paused(p, time)));
    try {
      TargetStatus status = session.engine().status(target);
      lines.add(guard(status, time));
      lines.add(lastCheck(status.lastCheck(), time));
    } catch (IOException e) {
      String why = e.getMessage() == null ? "it cannot be read" : e.getMessage();
      lines.add(Line.of("Guard: cannot read " + target.paths().state() + ": " + why, Tone.BAD));
    }
    lines.add(Line.of(""));
    return lines;
  }

  /** {@code Service: systemd paqet-server.service, running since 14:02:10 (up 3h)}. */
  private Line service(TimeWords time) {
    String what = "Service: " + Engine.describe(target) + ", ";
    Optional<ServiceWatch.Seen> seen = session.services().state(target);
    if (seen.isEmpty()) {
      return Line.of(what + "checking…", Tone.OFF);
    }
    ServiceState s = seen.get().state();
    String words =
        switch (s.activity()) {
          case ACTIVE -> "running" + s.since().map(t -> uptime(t, time)).orElse("");
          case INACTIVE -> "stopped (" + s.detail() + ")";
          case UNKNOWN ->
              StateWords.notInstalled(s)
                  ? "not installed on this host"
                  : "state unknown (" + s.detail() + ")";
          case UNTRACKED -> "untracked (no status command or pid file to ask)";
        };
    return Line.of(what + words, StateWords.tone(s));
  }

  /**
   * {@code Paused until 14:30:00 (in 25m): deploy. Restarts and alerts are held; watchdog-menu
   * resume paqet-server ends it.}
   */
  private Line paused(Pause p, TimeWords time) {
    return Line.of(
        "Paused until "
            + time.local(p.until())
            + " ("
            + time.in(p.until())
            + ")"
            + (p.reason().isEmpty() ? "" : ": " + p.reason())
            + ". Restarts and alerts are held; watchdog-menu resume "
            + target.id()
            + " ends it.",
        Tone.WARN);
  }

  /** {@code since 14:02:10 (up 3h)}. */
  private static String uptime(Instant since, TimeWords time) {
    return " since " + time.local(since) + " (up " + time.span(since) + ")";
  }

  /**
   * {@code Guard: 2/5 restarts per hour, cooldown 84s left, last restart 36s ago by manual}, with
   * the guard's own numbers ({@link TargetStatus}).
   */
  private static Line guard(TargetStatus status, TimeWords time) {
    StringBuilder b =
        new StringBuilder("Guard: ")
            .append(status.restarts().size())
            .append('/')
            .append(status.maxRestarts())
            .append(" restarts ")
            .append(status.perWindow());
    Tone tone = Tone.PLAIN;
    if (status.limitUntil().isPresent()) {
      Instant until = status.limitUntil().get();
      b.append(", limit reached until ")
          .append(time.local(until))
          .append(" (")
          .append(time.in(until))
          .append(")");
      tone = Tone.BAD;
    } else if (!status.cooldownLeft().isZero()) {
      b.append(", cooldown ").append(status.cooldownLeft().getSeconds()).append("s left");
      tone = Tone.WARN;
    } else {
      b.append(", ready");
    }
    if (!status.restarts().isEmpty()) {
      RestartHistory.Entry last = status.restarts().get(status.restarts().size() - 1);
      b.append(", last restart ")
          .append(time.ago(last.at()))
          .append(" by ")
          .append(last.source().word());
    }
    return Line.of(b.toString(), tone);
  }

  private static Line lastCheck(Optional<CheckReport> last, TimeWords time) {
    if (last.isEmpty()) {
      return Line.of("Last check: never checked", Tone.OFF);
    }
    CheckReport r = last.get();
    return Line.of(
        "Last check: "
            + StateWords.verdict(last, time)
            + " ("
            + time.local(r.at())
            + "): "
            + r.summary(),
        StateWords.tone(r.outcome()));
  }

  /**
   * The last check's lines from the health log, times shown local: its last lines, as many as fit
   * under the menu (at most {@link #CHECK_LINES}).
   */
  @Override
  List<Line> foot() {
    List<String> raw = lastCheckLines();
    int room = Math.min(CHECK_LINES, footRoom - 2);
    if (raw.isEmpty() || room < 1) {
      return List.of();
    }
    TimeWords time = session.time();
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of(""));
    lines.add(Line.of("The last check's lines (" + target.paths().healthLog() + "):", Tone.HEAD));
    List<String> shown = raw.size() <= room ? raw : raw.subList(raw.size() - room, raw.size());
    for (String l : shown) {
      Tone tone =
          l.contains("FAIL") || l.contains("DENIED")
              ? Tone.BAD
              : l.contains("SKIPPED") || l.contains("WARNING") ? Tone.WARN : Tone.PLAIN;
      lines.add(Line.of(local(l, time), tone));
    }
    return lines;
  }

  /** {@code [2025-02-14T10:30:00Z] message} as {@code 10:30:00 message} in the shown zone. */
  private static String local(String line, TimeWords time) {
    Matcher m = STAMPED.matcher(line);
    if (!m.matches()) {
      return line;
    }
    try {
      return time.local(Instant.parse(m.group(1))) + " " + m.group(2);
    } catch (DateTimeParseException e) {
      return line;
    }
  }

  /** Read again only when the log's size or time changed. */
  private List<String> lastCheckLines() {
    Path log = session.host().root().resolve(target.paths().healthLog());
    try {
      String stamp =
          Files.getLastModifiedTime(log, LinkOption.NOFOLLOW_LINKS).toMillis()
              + ":"
              + Files.size(log);
      if (!stamp.equals(checkLinesStamp)) {
        checkLines = LogFiles.lastCheck(log, target.id());
        checkLinesStamp = stamp;
      }
    } catch (IOException e) {
      checkLines = List.of();
      checkLinesStamp = "";
    }
    return checkLines;
  }

  @Override
  void started(Choices menu) {
    this.menu = menu;
  }

  /**
   * The lines from the top (the service, the guard and the last check stay in sight) for as long as
   * the highlighted item fits; then scrolled just enough to show it.
   */
  @Override
  public List<Line> body(int width, int height) {
    this.width = width;
    this.height = height;
    return refresh.drawn(() -> lines(width, height));
  }

  private List<Line> lines(int width, int height) {
    if (menu == null) {
      super.body(width, height);
    }
    int head = Wrap.lines(head(), width).size();
    footRoom = height - head - (menu == null ? 0 : menu.lines().size());
    List<Line> all = super.body(width, Integer.MAX_VALUE);
    int focus = head + (menu == null ? 0 : menu.selected());
    int top = focus < height ? 0 : focus - height + 1;
    return Scroll.from(all, top, height);
  }

  @Override
  public boolean tick() {
    return !pending.armed() && refresh.changed(() -> lines(width, height));
  }

  @Override
  public Step key(KeyStroke key) {
    if (pending.armed()) {
      return pending.answer(key);
    }
    return super.key(key);
  }

  @Override
  List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    items.add(feature(Feature.HEALTH, "Health check (auto-restart)"));
    items.add(feature(Feature.RESTART, "Scheduled restart (cron)"));
    items.add(MonitorChoices.target(session, target));
    Optional<String> readOnly = session.readOnlyReason();
    items.add(
        readOnly.isPresent()
            ? Choice.of(
                "Run a health check now (dry run: what it would do)",
                () -> Step.open(RunView.check(session, target, true)))
            : Choice.of(
                "Run a health check now (no restart)",
                () -> Step.open(RunView.check(session, target, false))));
    items.add(
        readOnly.isPresent()
            ? Choice.disabled("Restart now (through the guard)", readOnly.get())
            : Choice.of(
                "Restart now (through the guard)",
                () ->
                    pending.ask(
                        "Restart " + target.id() + " now, through the guard (source manual)?",
                        () -> Step.open(RunView.restart(session, target, false)))));
    items.add(
        readOnly.isPresent()
            ? Choice.disabled("Clear restart history", readOnly.get())
            : Choice.of(
                "Clear restart history",
                () ->
                    pending.ask(
                        "Clear the restart history of " + target.id() + "?", this::clearHistory)));
    items.add(Choice.of("View logs", () -> Step.open(new LogView(session, target))));
    items.add(
        Choice.of(
            "Settings (service, probes, restart policy)",
            () -> Step.open(TargetSettings.form(session, target))));
    items.add(access());
    return items;
  }

  private Choice feature(Feature feature, String label) {
    FeatureState state = session.installer().reader().read(target, feature);
    return new Choice(
        label,
        state.words(),
        state.configured() ? Tone.ON : Tone.OFF,
        null,
        () -> Step.open(new IntervalView(session, group, target, feature)));
  }

  private Choice access() {
    return Choice.of(AccessView.TITLE, () -> Step.open(new AccessView(session, target)));
  }

  private Step clearHistory() {
    List<String> out =
        session.capture(
            w -> {
              if (!session.engine().reset(target, w)) {
                w.println("Not cleared: the lock of " + target.id() + " stayed busy; try again");
              }
            });
    return Step.open(new TextView("Clear restart history", out));
  }

  @Override
  public List<String> help() {
    return List.of(
        "One target: its features with their state in [brackets] (cyan on, grey not "
            + "configured), its protection and its last check.",
        "Protection is the restart guard every restart goes through: a lock per target, a "
            + "cooldown between restarts and a cap of restarts per window (e.g. 0/5 restarts "
            + "per hour, ready).",
        "A restart it holds back is logged as SKIPPED (cooldown) or DENIED (cap reached) "
            + "and needs a look by hand. Last check: OK, WARNING (recovered by a restart), "
            + "CRITICAL (unhealthy and not recovered) or UNKNOWN (bad settings or a missing "
            + "tool: never a restart).",
        "Health check and Scheduled restart open the interval picker and a preview; "
            + "Restart now and Clear restart history ask y first; a restart the guard held "
            + "back can be forced with f then y (recorded as manual). A check or a restart "
            + "shows its lines as they come; Esc leaves it running and its result lands in "
            + "the log. Every change can be undone: u on the first screen (the last apply), "
            + "or Disable.");
  }
}
