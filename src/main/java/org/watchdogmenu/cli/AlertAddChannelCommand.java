package org.watchdogmenu.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code alert add-channel NAME --slack URL | --webhook URL | --alertmanager URL | --command LINE
 * [--env NAME...] [--timeout 5s]}.
 */
@Command(
    name = "add-channel",
    mixinStandardHelpOptions = true,
    description = {
      "Adds an alert channel to /etc/watchdog-menu/alerts.yaml, keeping every other one.",
      "The file is mode 0600 root and keeps every setting. The preview masks webhook addresses;"
          + " the address given here shows in the process list while the command runs (the"
          + " menu's form avoids that). A command's secrets (a token) go in --env: their values"
          + " are read from standard input, given to the command in its environment and never"
          + " shown; a secret written into LINE is refused."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu alert add-channel ops-slack \\",
      "      --slack https://hooks.slack.com/services/T000/B000/XXXX",
      "  watchdog-menu alert add-channel pager --env TOKEN \\",
      "      --command \"/usr/local/bin/page-ops --target {target} {message}\""
    })
final class AlertAddChannelCommand implements Callable<Integer> {
  @ParentCommand AlertCommand alert;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "NAME", description = "How results and logs name it, e.g. ops-slack.")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(
      names = "--env",
      paramLabel = "NAME",
      description =
          "A variable the command gets in its environment, e.g. TOKEN (repeatable, --command"
              + " only). Its value is read from standard input, one line per --env in order (typed"
              + " without echo on a terminal), so it never shows in the process list.")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "The longest a send may take, e.g. 10s (default: 5s).")
  String timeout = "5s";

  /** Where the channel sends. */
  static final class Where {
    @Option(
        names = "--slack",
        paramLabel = "URL",
        description = "A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat).")
    String slack;

    @Option(
        names = "--webhook",
        paramLabel = "URL",
        description = "A webhook that takes JSON: event, target, message, time, host, details.")
    String webhook;

    @Option(
        names = "--command",
        paramLabel = "LINE",
        description =
            "A program run without a shell, as one line split into words the way a shell would;"
                + " {event} {target} {message} {time} {host} are filled in, e.g. --command"
                + " \"/usr/bin/logger -t watchdog-menu '{target} {event}: {message}'\". Never a"
                + " secret here: give it with --env.")
    String command;

    @Option(
        names = "--alertmanager",
        paramLabel = "URL",
        description =
            "Prometheus Alertmanager, e.g. http://127.0.0.1:9093: failures fire an alert, the"
                + " target's recovery resolves it.")
    String alertmanager;
  }

  @Override
  public Integer call() {
    NewChannel.Kind kind =
        where.slack != null
            ? NewChannel.Kind.SLACK
            : where.webhook != null
                ? NewChannel.Kind.WEBHOOK
                : where.alertmanager != null
                    ? NewChannel.Kind.ALERTMANAGER
                    : NewChannel.Kind.COMMAND;
    String address =
        where.slack != null
            ? where.slack
            : where.webhook != null
                ? where.webhook
                : where.alertmanager != null ? where.alertmanager : where.command;
    refuse("NAME", NewChannel.nameProblem(name));
    refuse("--" + kind.key(), NewChannel.addressProblem(kind, address));
    refuse("--timeout", NewChannel.timeoutProblem(timeout));
    Map<String, String> values = envValues(kind);
    NewChannel channel;
    try {
      channel = new NewChannel(kind, name, address, NewChannel.timeout(timeout), values);
    } catch (IllegalArgumentException e) {
      throw new InputError(spec.commandLine(), "--env: " + e.getMessage());
    }
    return PlanRun.run(
        spec,
        alert.top,
        () -> new Planner(alert.top.host()).alertChannel(channel),
        plan.dryRun,
        plan.yes);
  }

  /**
   * The values of the {@code --env} names: typed without echo on a terminal, else one line each
   * from standard input. A value is never taken from the command line, where {@code ps} shows it.
   */
  private Map<String, String> envValues(NewChannel.Kind kind) {
    Map<String, String> values = new LinkedHashMap<>();
    if (env.isEmpty()) {
      return values;
    }
    if (kind != NewChannel.Kind.COMMAND) {
      refuse("--env", "only a --command channel takes --env: a webhook's secret is its address");
    }
    for (String n : env) {
      int eq = n.indexOf('=');
      if (eq >= 0) {
        refuse(
            "--env",
            "give only the name ("
                + n.substring(0, eq)
                + "): the value is read from standard input, so it never shows in the process"
                + " list");
      }
      refuse("--env", NewChannel.envNameProblem(n));
      if (values.containsKey(n)) {
        refuse("--env", n + " is given twice: give it once");
      }
      values.put(n, null);
    }
    Console console = System.console();
    BufferedReader in =
        console != null
            ? null
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String n : env) {
      String value;
      if (console != null) {
        char[] typed = console.readPassword("Value of %s (not shown): ", n);
        value = typed == null ? null : new String(typed);
      } else {
        try {
          value = in.readLine();
        } catch (IOException e) {
          value = null;
        }
      }
      if (value == null) {
        refuse(
            "--env",
            "standard input ended before the value of "
                + n
                + ": give one line per --env, in order, e.g. --env "
                + n
                + " < FILE");
      }
      if (value.isEmpty()) {
        refuse("--env", "the value of " + n + " is empty: give it on its line of standard input");
      }
      values.put(n, value);
    }
    return values;
  }

  /** Bad input: one line naming the argument, exit 2, nothing written. */
  private void refuse(String argument, Optional<String> problem) {
    problem.ifPresent(p -> refuse(argument, p));
  }

  private void refuse(String argument, String problem) {
    throw new InputError(spec.commandLine(), argument + ": " + problem);
  }
}
