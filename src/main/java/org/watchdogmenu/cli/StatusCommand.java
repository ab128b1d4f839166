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
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.TargetStatus;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.ScheduleReader;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status [TARGET]}: schedules, restart history, protection state, last check result. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows schedules, restart history, cooldown and cap, and the last check result.",
      "Without TARGET it shows every target, and whether the continuous monitor runs."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu status", "  watchdog-menu status paqet-server --json"})
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "One target (default: all).")
  String targetId;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  /** One target's status with its two schedules as they are on disk. */
  private record Row(
      TargetStatus status,
      FeatureState health,
      FeatureState restart,
      boolean monitored,
      Duration interval) {
    String monitorWords() {
      return monitored ? "every " + Durations.format(interval) : "off";
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Target> targets =
        targetId == null ? top.catalog().targets() : List.of(top.target(targetId));
    ScheduleReader schedules = new ScheduleReader(top.host().root());
    Instant now = top.host().clock().instant();
    MonitorState monitor = MonitorState.read(top.host().root(), now);
    List<Row> rows = new ArrayList<>();
    for (Target t : targets) {
      rows.add(
          new Row(
              top.engine().status(t),
              schedules.read(t, Feature.HEALTH),
              schedules.read(t, Feature.RESTART),
              monitor.list().contains(t.id()),
              t.policy().interval()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> all = new ArrayList<>();
      rows.forEach(r -> all.add(toJson(r, monitor, now)));
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(targetId == null ? all : all.get(0)));
    } else if (targetId != null) {
      printDetail(out, rows.get(0), now);
      out.println("  Monitor:       " + monitor.processWords(now));
    } else {
      printTable(out, rows, now);
      out.println();
      out.println("Monitor: " + monitor.processWords(now));
    }
    monitor.problem().ifPresent(p -> out.println("WARNING: " + p));
    return ExitCodes.OK;
  }

  private static void printDetail(PrintWriter out, Row row, Instant now) {
    TargetStatus s = row.status();
    out.println(s.id() + " - " + s.title());
    out.println("  Service:       " + s.service());
    out.println("  Health check:  " + row.health().words());
    out.println("  Restart:       " + row.restart().words());
    out.println("  Continuous:    " + row.monitorWords());
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
                        + r.source()
                        + " ("
                        + ago(r.at(), now)
                        + ")"));
    out.println("  Last check:    " + s.lastCheck().map(c -> lastCheck(c, now)).orElse("never"));
    out.println("  State file:    " + s.stateFile());
    out.println("  Health log:    " + s.healthLog());
    out.println("  Restart log:   " + s.cronLog());
  }

  private static void printTable(PrintWriter out, List<Row> rows, Instant now) {
    String format = "%-22s %-20s %-20s %-11s %-14s %s%n";
    out.printf(format, "TARGET", "HEALTH CHECK", "RESTART", "MONITOR", "LAST CHECK", "PROTECTION");
    for (Row row : rows) {
      TargetStatus s = row.status();
      String last = s.lastCheck().map(c -> c.outcome() + " " + ago(c.at(), now)).orElse("never");
      out.printf(
          format,
          s.id(),
          row.health().words(),
          row.restart().words(),
          row.monitorWords(),
          last,
          s.protectionWords());
    }
  }

  private static String lastCheck(CheckReport c, Instant now) {
    return c.outcome() + " at " + c.at() + " (" + ago(c.at(), now) + "): " + c.summary();
  }

  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.isNegative()) {
      return "in the future";
    }
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s ago";
    }
    if (s < 7200) {
      return s / 60 + "m ago";
    }
    if (s < 172_800) {
      return s / 3600 + "h ago";
    }
    return s / 86_400 + "d ago";
  }

  private static Map<String, Object> toJson(Row row, MonitorState monitor, Instant now) {
    TargetStatus s = row.status();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("title", s.title());
    m.put("service", s.service());
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
                        r.source())));
    m.put("restarts", restarts);
    m.put("max_restarts", s.maxRestarts());
    m.put("window", Durations.format(s.window()));
    m.put("cooldown_left_seconds", s.cooldownLeft().getSeconds());
    m.put("limit_reached_until", s.limitUntil().map(Instant::toString).orElse(null));
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
