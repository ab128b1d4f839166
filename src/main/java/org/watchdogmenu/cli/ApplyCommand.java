package org.watchdogmenu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.apply.Apply;
import org.watchdogmenu.apply.ApplyFileException;
import org.watchdogmenu.apply.ApplyReport;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.ApplyResult;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.SafeRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apply FILE [--check] [--diff] [--json] [--secrets FILE]}: a host's desired state. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Makes this host what a desired-state file says, and changes nothing when it already is.",
      "The file (YAML, version: 1) lists site target files, health and restart schedules, the"
          + " monitor's targets, alert channels, sudoers grants, linger and units. Every change is"
          + " planned and validated like the other commands' (cron, visudo, systemd-analyze,"
          + " logrotate, the catalog), backed up and recorded, so 'undo' takes it back. What an"
          + " earlier apply put there and the file no longer lists is removed; what the menu or"
          + " another command set up is kept unless the file lists it. Secrets are never in the"
          + " file: KEY_env: VARIABLE takes a value from the environment, KEY_secret: NAME from"
          + " the --secrets file. A bad file is one line naming its line and key (exit 2), and"
          + " nothing is written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu apply /etc/watchdog-menu/host.yaml --check --diff",
      "  SLACK_URL=https://hooks.slack.com/... watchdog-menu apply host.yaml",
      "  watchdog-menu apply host.yaml --json --secrets /root/secrets.yaml",
      "  watchdog-menu export > host.yaml"
    })
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The desired-state file; - reads standard input.")
  String file;

  @Option(names = "--check", description = "Plan only: say what would change; write nothing.")
  boolean check;

  @Option(names = "--diff", description = "Show each file's diff (secrets masked).")
  boolean diff;

  @Option(
      names = "--json",
      description =
          "One JSON object on standard output: changed, check, files, commands, warnings,"
              + " problems.")
  boolean json;

  @Option(
      names = "--yes",
      description =
          "Confirm a plan that needs a deliberate yes (a sudo rule that amounts to root).")
  boolean yes;

  @Option(
      names = "--secrets",
      paramLabel = "FILE",
      description =
          "Secrets by name (name: value lines), root's and mode 0600, for KEY_secret keys.")
  Path secrets;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Host host = top.host();
    Apply apply;
    Plan plan;
    try {
      apply = Apply.of(name(), text(), System.getenv(), Optional.ofNullable(secrets));
      plan = apply.plan(host).plan();
    } catch (ApplyFileException e) {
      return problem(out, err, (Plan) null, e.getMessage(), ExitCodes.USAGE);
    }
    if (check) {
      report(out, ApplyReport.of(plan, check, diff), "Check: nothing was changed.");
      return ExitCodes.OK;
    }
    if (plan.confirmation() != null && !yes) {
      return problem(out, err, plan, confirm(plan), ExitCodes.FAILURE);
    }
    try (Applier.Locked locked =
        new Applier(host)
            .lock(
                PlanRun.LOCK_WAIT,
                lock -> {
                  err.println(
                      "Waiting for another watchdog-menu run to finish changing files (it holds "
                          + lock
                          + ")...");
                  err.flush();
                })) {
      Apply.Planned planned;
      try {
        planned = apply.plan(host);
      } catch (ApplyFileException e) {
        return problem(out, err, (Plan) null, e.getMessage(), ExitCodes.USAGE);
      }
      plan = planned.plan();
      if (plan.confirmation() != null && !yes) {
        return problem(out, err, plan, confirm(plan), ExitCodes.FAILURE);
      }
      ApplyReport report = ApplyReport.of(plan, check, diff);
      boolean ok = true;
      List<String> lines = List.of();
      if (!plan.isEmpty()) {
        ApplyResult result = locked.apply(plan, new Applier.Options(yes));
        ok = result.commandsOk();
        lines = result.lines();
      }
      planned.record();
      if (!ok) {
        return problem(
            out, err, report, "a command failed: " + String.join("; ", lines), ExitCodes.FAILURE);
      }
      if (!json) {
        lines.forEach(out::println);
      }
      report(out, report, plan.isEmpty() ? "Nothing was changed." : "Applied.");
      return ExitCodes.OK;
    } catch (InstallException e) {
      String line =
          Denied.line(e, Denied.user())
              .map(l -> "Not applied: " + l + "; --check shows the plan")
              .orElse("Not applied: " + e.getMessage());
      return problem(out, err, plan, line, ExitCodes.FAILURE);
    } catch (IOException e) {
      return problem(
          out,
          err,
          plan,
          "applied, but the apply record could not be written: " + e.getMessage(),
          ExitCodes.FAILURE);
    }
  }

  private static String confirm(Plan plan) {
    return "Not applied: "
        + plan.confirmation()
        + ". Run again with --yes if that is what you want.";
  }

  private String name() {
    return file.equals("-") ? "standard input" : file;
  }

  private String text() {
    if (!file.equals("-")) {
      return Apply.readFile(Path.of(file));
    }
    try {
      byte[] bytes = System.in.readNBytes(SafeRead.CONFIG_CAP + 1);
      if (bytes.length > SafeRead.CONFIG_CAP) {
        throw new ApplyFileException("standard input is longer than 1 MiB: give a smaller file");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ApplyFileException("standard input cannot be read: " + e.getMessage());
    }
  }

  private void report(PrintWriter out, ApplyReport report, String done) {
    if (json) {
      out.println(report.json(List.of()));
    } else {
      out.print(report.text());
      out.println(done);
      out.println("changed: " + report.changed());
    }
    out.flush();
  }

  private int problem(PrintWriter out, PrintWriter err, Plan plan, String line, int code) {
    return problem(out, err, ApplyReport.of(plan, check, diff), line, code);
  }

  private int problem(PrintWriter out, PrintWriter err, ApplyReport report, String line, int code) {
    if (json) {
      out.println(report.json(List.of(line)));
      out.flush();
    } else if (report.changed() || report.hasPlan()) {
      out.print(report.text());
      out.flush();
    }
    err.println(line);
    err.flush();
    return code;
  }
}
