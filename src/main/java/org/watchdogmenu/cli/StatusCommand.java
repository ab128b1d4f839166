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
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status [TARGET]}: restart history, protection state and the last check result. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows restart history, cooldown and cap, and the last check result.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "One target (default: all).")
  String targetId;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Target> targets =
        targetId == null ? top.catalog().targets() : List.of(top.target(targetId));
    List<TargetStatus> statuses = new ArrayList<>();
    for (Target t : targets) {
      statuses.add(top.engine().status(t));
    }
    PrintWriter out = spec.commandLine().getOut();
    Instant now = top.host().clock().instant();
    if (json) {
      List<Map<String, Object>> all = new ArrayList<>();
      statuses.forEach(s -> all.add(toJson(s)));
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(targetId == null ? all : all.get(0)));
    } else if (targetId != null) {
      printDetail(out, statuses.get(0), now);
    } else {
      printTable(out, statuses, now);
    }
    return ExitCodes.OK;
  }

  private static void printDetail(PrintWriter out, TargetStatus s, Instant now) {
    out.println(s.id() + " - " + s.title());
    out.println("  Service:      " + s.service());
    out.println("  Protection:   " + s.protectionWords());
    if (s.restarts().isEmpty()) {
      out.println("  Restarts:     none in the window");
    }
    s.restarts()
        .forEach(
            r ->
                out.println(
                    "  Restart:      "
                        + r.at()
                        + " by "
                        + r.source()
                        + " ("
                        + ago(r.at(), now)
                        + ")"));
    out.println("  Last check:   " + s.lastCheck().map(c -> lastCheck(c, now)).orElse("never"));
    out.println("  State file:   " + s.stateFile());
    out.println("  Health log:   " + s.healthLog());
    out.println("  Restart log:  " + s.cronLog());
  }

  private static void printTable(PrintWriter out, List<TargetStatus> statuses, Instant now) {
    String format = "%-24s %-22s %s%n";
    out.printf(format, "TARGET", "LAST CHECK", "PROTECTION");
    for (TargetStatus s : statuses) {
      String last = s.lastCheck().map(c -> c.outcome() + " " + ago(c.at(), now)).orElse("never");
      out.printf(format, s.id(), last, s.protectionWords());
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

  private static Map<String, Object> toJson(TargetStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("title", s.title());
    m.put("service", s.service());
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
}
