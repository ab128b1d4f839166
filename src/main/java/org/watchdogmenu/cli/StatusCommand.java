package org.watchdogmenu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.engine.Outcome;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.engine.Pauses;
import org.watchdogmenu.engine.TargetStatus;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.ScheduleReader;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorState;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.service.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code status [TARGET]}: whether each service runs, the last check result, schedules, restart
 * history and protection state. The table of all targets fits the terminal ({@code $COLUMNS}, else
 * 80 columns; {@code --wide} for every column uncut) and is coloured only on a terminal.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows whether the service runs, its last check, schedules, restarts, cooldown and cap.",
      "Without TARGET it shows every target in a table as wide as the terminal ($COLUMNS, else"
          + " 80 columns; long values are cut with an ellipsis), and whether the continuous monitor"
          + " runs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu status",
      "  watchdog-menu status --wide",
      "  watchdog-menu status paqet-server --json"
    })
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "One target (default: all).")
  String targetId;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--wide",
      description = "Every column (schedules, monitor, protection) in full, however wide.")
  boolean wide;

  /** How long {@code status} waits for a service manager to say whether a service runs. */
  static final Duration STATE_TIMEOUT = Duration.ofSeconds(3);

  /** The machine; null for the top command's. Tests give a scripted one. */
  Host host;

  /** The environment ({@code COLUMNS}, {@code NO_COLOR}, the locale). Tests give their own. */
  Map<String, String> env = System.getenv();

  /** Whether standard output is a terminal; null to find out. Tests say. */
  Boolean terminal;

  /** One target's status with its two schedules as they are on disk. */
  private record Row(
      TargetStatus status,
      ServiceState service,
      FeatureState health,
      FeatureState restart,
      boolean monitored,
      Duration interval,
      Optional<Pause> pause) {
    String monitorWords() {
      return monitored ? "every " + Durations.format(interval) : "off";
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Target> targets =
        targetId == null ? top.catalog().targets() : List.of(top.target(targetId));
    Host machine = host == null ? top.host() : host;
    Engine engine = new Engine(machine, top.catalog().knownIds()::contains);
    ScheduleReader schedules = new ScheduleReader(machine.root());
    Instant now = machine.clock().instant();
    MonitorState monitor = MonitorState.read(machine.root(), now);
    Pauses pauses = new Pauses(machine.root());
    List<Row> rows = new ArrayList<>();
    for (Target t : targets) {
      rows.add(
          new Row(
              engine.status(t),
              engine.serviceState(t, STATE_TIMEOUT),
              schedules.read(t, Feature.HEALTH),
              schedules.read(t, Feature.RESTART),
              monitor.list().contains(t.id()),
              t.policy().interval(),
              pauses.holding(t.id(), now)));
    }
    PrintWriter out = spec.commandLine().getOut();
    TextStyle style =
        TextStyle.of(
            top.noColor,
            top.ascii,
            env,
            terminal == null ? TextStyle.stdoutIsTerminal() : terminal);
    if (json) {
      List<Map<String, Object>> all = new ArrayList<>();
      rows.forEach(r -> all.add(toJson(r, monitor, now)));
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(targetId == null ? all : all.get(0)));
    } else if (targetId != null) {
      printDetail(out, rows.get(0), now, style);
      out.println("  Monitor:       " + monitor.processWords(now));
    } else {
      table(rows, now).render(style, wide ? 0 : style.width()).forEach(out::println);
      out.println();
      printWrapped(out, "Monitor: " + monitor.processWords(now), style);
    }
    monitor.problem().ifPresent(p -> printWrapped(out, "WARNING: " + p, style));
    return ExitCodes.OK;
  }

  /** A line of text broken between words to the terminal's width (unless {@code --wide}). */
  private void printWrapped(PrintWriter out, String text, TextStyle style) {
    if (wide) {
      out.println(text);
    } else {
      style.wrap(text, "  ").forEach(out::println);
    }
  }

  private static void printDetail(PrintWriter out, Row row, Instant now, TextStyle style) {
    TargetStatus s = row.status();
    out.println(s.id() + " - " + s.title());
    out.println("  Service:       " + s.service());
    out.println(
        "  Running:       "
            + style.paint(runningWord(row.service()), runningTone(row.service()))
            + runningDetail(row.service(), now));
    out.println("  Health check:  " + row.health().words());
    out.println("  Restart:       " + row.restart().words());
    out.println("  Continuous:    " + row.monitorWords());
    row.pause()
        .ifPresent(
            p ->
                out.println(
                    "  Paused:        "
                        + style.paint(pauseWords(p, now), TextStyle.Tone.WARN)
                        + "; restarts and alerts held"));
    out.println("  Protection:    " + s.protectionWords());
    if (s.restarts().isEmpty()) {
      out.println("  Restarts:      none in the window");
    }
    s.restarts()
        .forEach(
            r ->
                out.println(
                    "  Restarted:     "
                        + r.at()
                        + " by "
                        + r.source().word()
                        + " ("
                        + ago(r.at(), now)
                        + ")"));
    out.println(
        "  Last check:    "
            + s.lastCheck().map(c -> lastCheck(c, now, style)).orElse("never checked"));
    out.println("  State file:    " + s.stateFile());
    out.println("  Health log:    " + s.healthLog());
    out.println("  Restart log:   " + s.cronLog());
  }

  /**
   * The table of all targets: by default TARGET, SERVICE, LAST CHECK, a compact SCHEDULE and
   * RESTARTS, cut to fit; with {@code --wide} every schedule, the monitor and the protection in
   * full.
   */
  private TextTable table(List<Row> rows, Instant now) {
    List<TextTable.Column> columns = new ArrayList<>();
    columns.add(TextTable.Column.cut("TARGET", 18, 10));
    columns.add(TextTable.Column.fixed("SERVICE"));
    columns.add(TextTable.Column.fixed("LAST CHECK"));
    if (wide) {
      columns.add(TextTable.Column.fixed("HEALTH CHECK"));
      columns.add(TextTable.Column.fixed("RESTART"));
      columns.add(TextTable.Column.fixed("MONITOR"));
      columns.add(TextTable.Column.fixed("PROTECTION"));
    } else {
      columns.add(TextTable.Column.cut("SCHEDULE", 21, 10));
      columns.add(TextTable.Column.cut("RESTARTS", 10, 9));
    }
    TextTable table = new TextTable(columns);
    for (Row row : rows) {
      TargetStatus s = row.status();
      List<TextTable.Cell> cells = new ArrayList<>();
      cells.add(TextTable.Cell.of(s.id()));
      cells.add(new TextTable.Cell(runningWord(row.service()), runningTone(row.service())));
      cells.add(
          s.lastCheck()
              .map(c -> new TextTable.Cell(c.outcome() + " " + ago(c.at(), now), tone(c.outcome())))
              .orElse(TextTable.Cell.of("never checked")));
      if (wide) {
        cells.add(TextTable.Cell.of(row.health().words()));
        cells.add(TextTable.Cell.of(row.restart().words()));
        cells.add(TextTable.Cell.of(row.monitorWords()));
        cells.add(
            row.pause()
                .map(
                    p ->
                        new TextTable.Cell(
                            "paused " + pauseWords(p, now) + "; " + s.protectionWords(),
                            TextStyle.Tone.WARN))
                .orElse(TextTable.Cell.of(s.protectionWords())));
      } else {
        cells.add(TextTable.Cell.of(compactSchedule(row)));
        cells.add(
            row.pause()
                .map(p -> new TextTable.Cell("paused " + span(p.left(now)), TextStyle.Tone.WARN))
                .orElse(TextTable.Cell.of(compactProtection(s, now))));
      }
      table.add(cells);
    }
    return table;
  }

  /** {@code health 5m, restart 00:00,08:00, monitor 30s}, or {@code none}. */
  private static String compactSchedule(Row row) {
    List<String> parts = new ArrayList<>();
    compact("health", row.health()).ifPresent(parts::add);
    compact("restart", row.restart()).ifPresent(parts::add);
    if (row.monitored()) {
      parts.add("monitor " + Durations.format(row.interval()));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static Optional<String> compact(String name, FeatureState f) {
    if (!f.configured()) {
      return Optional.empty();
    }
    String when = f.schedule().map(x -> x.cliText()).orElse("custom");
    return Optional.of(name + " " + when + (f.editedByHand() ? " (by hand)" : ""));
  }

  /** {@code 0/5 ready}, {@code 2/5 cooldown 40s}, {@code 5/5 limit 12m} (the cap's time left). */
  private static String compactProtection(TargetStatus s, Instant now) {
    String used = s.restarts().size() + "/" + s.maxRestarts();
    if (s.limitUntil().isPresent()) {
      Duration left = Duration.between(now, s.limitUntil().get());
      return used + " limit " + span(left.isNegative() ? Duration.ZERO : left);
    }
    if (!s.cooldownLeft().isZero()) {
      return used + " cooldown " + span(s.cooldownLeft());
    }
    return used + " ready";
  }

  /** {@code until 2026-12-01T22:30:00Z (in 25m): deploy}. */
  static String pauseWords(Pause p, Instant now) {
    return "until "
        + p.until()
        + " (in "
        + span(p.left(now))
        + ")"
        + (p.reason().isEmpty() ? "" : ": " + p.reason());
  }

  /** {@code running}, {@code stopped}, {@code ?} (could not tell) or {@code untracked}. */
  static String runningWord(ServiceState state) {
    return switch (state.activity()) {
      case ACTIVE -> "running";
      case INACTIVE -> "stopped";
      case UNKNOWN -> "?";
      case UNTRACKED -> "untracked";
    };
  }

  private static TextStyle.Tone runningTone(ServiceState state) {
    return switch (state.activity()) {
      case ACTIVE -> TextStyle.Tone.GOOD;
      case INACTIVE -> TextStyle.Tone.BAD;
      case UNKNOWN -> TextStyle.Tone.UNSURE;
      case UNTRACKED -> TextStyle.Tone.PLAIN;
    };
  }

  /** What follows the word in the detailed view: since when, or why. */
  private static String runningDetail(ServiceState state, Instant now) {
    return switch (state.activity()) {
      case ACTIVE -> state.since().map(t -> " since " + t + " (" + ago(t, now) + ")").orElse("");
      case INACTIVE -> " (" + state.detail() + ")";
      case UNKNOWN -> " (could not tell: " + state.detail() + ")";
      case UNTRACKED -> " (no status command or pid file to ask)";
    };
  }

  static TextStyle.Tone tone(Outcome outcome) {
    return switch (outcome) {
      case OK -> TextStyle.Tone.GOOD;
      case WARNING -> TextStyle.Tone.WARN;
      case CRITICAL -> TextStyle.Tone.BAD;
      case UNKNOWN -> TextStyle.Tone.UNSURE;
    };
  }

  private static String lastCheck(CheckReport c, Instant now, TextStyle style) {
    return style.paint(c.outcome().name(), tone(c.outcome()))
        + " at "
        + c.at()
        + " ("
        + ago(c.at(), now)
        + "): "
        + c.summary();
  }

  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? "in the future" : span(d) + " ago";
  }

  /** A duration rounded down for people: {@code 35s}, {@code 2m}, {@code 5h}, {@code 3d}. */
  static String span(Duration d) {
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return s / 60 + "m";
    }
    if (s < 172_800) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }

  private static Map<String, Object> toJson(Row row, MonitorState monitor, Instant now) {
    TargetStatus s = row.status();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("title", s.title());
    m.put("service", s.service());
    Map<String, Object> running = new LinkedHashMap<>();
    running.put("state", row.service().activity().name().toLowerCase(Locale.ROOT));
    running.put(
        "running",
        switch (row.service().activity()) {
          case ACTIVE -> Boolean.TRUE;
          case INACTIVE -> Boolean.FALSE;
          default -> null;
        });
    running.put("since", row.service().since().map(Instant::toString).orElse(null));
    running.put("detail", row.service().detail());
    m.put("service_state", running);
    m.put("health_check", schedule(row.health()));
    m.put("restart", schedule(row.restart()));
    Map<String, Object> continuous = new LinkedHashMap<>();
    continuous.put("enabled", row.monitored());
    continuous.put("interval", Durations.format(row.interval()));
    continuous.put("monitor_running", monitor.running());
    continuous.put("monitor_pid", monitor.beat().map(b -> b.pid()).orElse(null));
    continuous.put("monitor_last_beat", monitor.beat().map(b -> b.at().toString()).orElse(null));
    m.put("monitor", continuous);
    List<Map<String, Object>> restarts = new ArrayList<>();
    s.restarts()
        .forEach(
            r ->
                restarts.add(
                    Map.of(
                        "at",
                        r.at().toString(),
                        "epoch",
                        r.at().getEpochSecond(),
                        "source",
                        r.source().word())));
    m.put("restarts", restarts);
    m.put("max_restarts", s.maxRestarts());
    m.put("window", Durations.format(s.window()));
    m.put("cooldown_left_seconds", s.cooldownLeft().getSeconds());
    m.put("limit_reached_until", s.limitUntil().map(Instant::toString).orElse(null));
    m.put(
        "paused",
        row.pause()
            .map(
                p ->
                    Map.of(
                        "until",
                        p.until().toString(),
                        "until_epoch",
                        p.until().getEpochSecond(),
                        "since",
                        p.since().toString(),
                        "reason",
                        p.reason()))
            .orElse(null));
    m.put(
        "last_check",
        s.lastCheck()
            .map(
                c ->
                    Map.of(
                        "at",
                        c.at().toString(),
                        "outcome",
                        c.outcome().name(),
                        "summary",
                        c.summary()))
            .orElse(null));
    m.put("state_file", s.stateFile());
    m.put("health_log", s.healthLog());
    m.put("restart_log", s.cronLog());
    return m;
  }

  private static Map<String, Object> schedule(FeatureState f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("configured", f.configured());
    m.put("words", f.words());
    m.put("cron", f.schedule().map(x -> x.cron()).orElse(null));
    m.put("file", f.path());
    m.put("edited_by_hand", f.editedByHand());
    return m;
  }
}
