package org.watchdogmenu.probe;

import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;

/**
 * A command (argv, no shell) exits with one of the expected statuses within the timeout. A command
 * that cannot start is UNKNOWN (the probe is broken, not the service); one that overruns is FAIL.
 */
final class CommandProbe implements Probe {
  private final CommandProbeSpec spec;

  CommandProbe(CommandProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    if (spec.command().isEmpty()) {
      throw ConfigProblem.missing("command", "command", "[\"emqx\", \"ctl\", \"status\"]");
    }
    Command command = Command.of(spec.timeout(), spec.command());
    CommandResult r = context.host().runner().run(command);
    String shown = command.display();
    switch (r.outcome()) {
      case NOT_STARTED:
        return ProbeResult.unknown("command not found: " + r.stderr(), r.elapsed());
      case TIMED_OUT:
        return ProbeResult.fail(
            shown + " timed out after " + Durations.format(spec.timeout()), r.elapsed());
      default:
        if (spec.expectExit().contains(r.exitCode())) {
          return ProbeResult.pass(shown + " exited " + r.exitCode(), r.elapsed());
        }
        return ProbeResult.fail(
            shown + " " + r.summary() + " (expected exit " + spec.expectExit() + ")", r.elapsed());
    }
  }
}
