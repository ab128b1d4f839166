package org.watchdogmenu.service;

import java.time.Duration;
import java.util.List;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;

/**
 * A service restarted by a command of its own (the camera platform's {@code managed_start.sh
 * restart}), run as its user in its folder. Whether it runs is known only when a status command is
 * given.
 */
final class CommandControl implements ServiceControl {
  private final Host host;
  private final List<String> restart;
  private final List<String> status;
  private final String user;
  private final String workdir;
  private final Duration restartTimeout;

  CommandControl(
      Host host,
      List<String> restart,
      List<String> status,
      String user,
      String workdir,
      Duration restartTimeout) {
    this.host = host;
    this.restart = restart;
    this.status = status;
    this.user = user;
    this.workdir = workdir;
    this.restartTimeout = restartTimeout;
  }

  @Override
  public ServiceState state() {
    if (status.isEmpty()) {
      return ServiceState.untracked();
    }
    CommandResult r = host.runner().run(prepare(Command.of(ServiceControls.QUERY_TIMEOUT, status)));
    if (r.outcome() == CommandResult.Outcome.NOT_STARTED) {
      return ServiceState.unknown("status command " + r.summary());
    }
    return r.succeeded()
        ? ServiceState.active(java.util.Optional.empty())
        : ServiceState.inactive("status command " + r.summary());
  }

  @Override
  public List<RestartStep> restartSteps() {
    Command command = prepare(Command.of(restartTimeout, restart));
    return List.of(new RestartStep(command.display(), command));
  }

  private Command prepare(Command command) {
    Command c = command.asUser(user, host.currentUser());
    return workdir == null ? c : c.inDirectory(host.root().resolve(workdir).toString());
  }
}
