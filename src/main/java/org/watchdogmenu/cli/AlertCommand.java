package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.watchdogmenu.alert.AlertEvent;
import org.watchdogmenu.alert.AlertKind;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.ChannelResult;
import org.watchdogmenu.alert.Delivery;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code alert --test}, {@code alert --unit-failed UNIT} (what the OnFailure= unit runs), and
 * {@code alert add-channel}.
 */
@Command(
    name = "alert",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a test alert, or a unit's failure, through every alert channel.",
      "The channels are those of /etc/watchdog-menu/alerts.yaml. --unit-failed is what the"
          + " restart-policy drop-in's OnFailure= unit runs (at most once per unit and hour)."
          + " 'alert add-channel' adds a channel to the file, 'alert remove-channel' takes one"
          + " away."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu alert --test",
      "  watchdog-menu alert add-channel ops-slack \\",
      "      --slack https://hooks.slack.com/services/T000/B000/XXXX",
      "  watchdog-menu alert remove-channel ops-slack"
    },
    subcommands = {AlertAddChannelCommand.class, AlertRemoveChannelCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:sent (or held back as a repeat inside the hour)",
      "1:no channel took it, or there are no channels",
      "2:usage error, or alerts.yaml is broken"
    })
final class AlertCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  What what;

  /** Which alert. */
  static final class What {
    @Option(
        names = "--test",
        description = "Send a test alert through every channel and say how each did.")
    boolean test;

    @Option(
        names = "--unit-failed",
        paramLabel = "UNIT",
        description = "Say that a systemd unit failed and systemd stopped restarting it.")
    String unit;
  }

  @Override
  public Integer call() {
    if (what == null) {
      throw new ParameterException(
          spec.commandLine(), "give --test, --unit-failed UNIT, add-channel or remove-channel");
    }
    PrintWriter out = spec.commandLine().getOut();
    Alerts alerts;
    try {
      alerts = Alerts.load(top.host());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.USAGE;
    }
    if (what.test) {
      List<ChannelResult> results = alerts.sendTest();
      if (results.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("No channels in /etc/watchdog-menu/alerts.yaml: add one first");
        return ExitCodes.FAILURE;
      }
      results.forEach(r -> out.println(r.line()));
      return results.stream().allMatch(ChannelResult::delivered) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
    if (!isUnitName(what.unit)) {
      throw new InputError(spec.commandLine(), "'" + what.unit + "' is not a unit name");
    }
    return unitFailed(alerts, top.host(), what.unit, () -> top.catalog().targets(), out);
  }

  /** Whether this is a name systemd could give a unit (what --unit-failed takes). */
  static boolean isUnitName(String unit) {
    return unit.matches("[A-Za-z0-9@._:\\\\-]{1,256}");
  }

  /**
   * Sends that the unit failed, to the memory of the target whose service it is.
   *
   * @param targets the catalog's targets, asked for only here
   * @return the exit code
   */
  static int unitFailed(
      Alerts alerts, Host host, String unit, Supplier<List<Target>> targets, PrintWriter out) {
    String target = targetOf(unit, targets.get());
    String message =
        "systemd unit " + unit + " failed and systemd stopped restarting it: check it by hand";
    Delivery delivery =
        alerts.notify(
            AlertEvent.of(AlertKind.RESTART_FAILED, target, host.clock().instant(), message));
    delivery.logLines().forEach(out::println);
    boolean done = delivery.status() == Delivery.Status.SUPPRESSED || delivery.delivered();
    return done ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /**
   * The target whose service is this unit, so the alert shares that target's memory; else a name
   * made from the unit ({@code mingus-backend.service} → {@code mingus-backend}).
   */
  private static String targetOf(String unit, List<Target> targets) {
    String bare = unit.replaceFirst("\\.service$", "");
    for (Target t : targets) {
      String u = t.service() == null ? null : t.service().systemdUnit().orElse(null);
      if (u != null && u.replaceFirst("\\.service$", "").equals(bare)) {
        return t.id();
      }
    }
    String id = bare.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+", "");
    id = id.length() > 63 ? id.substring(0, 63) : id;
    return id.isEmpty() ? "unit" : id;
  }
}
