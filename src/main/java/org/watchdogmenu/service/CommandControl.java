package org.watchdogmenu.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.Programs;

/**
 * A service restarted by a command of its own (the camera platform's {@code managed_start.sh
 * restart}), run as its user in its folder. Whether it runs is known from its status command (exit
 * status 0), else from its pid file (the process named there runs and belongs to the service, by
 * {@link ServiceProcesses}' rules); with neither it is not tracked. When it started, which starts
 * the grace period, comes from the last line of the status command's output when that is a time
 * ({@link StartTime}), else from the pid file's process (field 22 of {@code /proc/PID/stat} plus
 * the boot time).
 */
final class CommandControl implements ServiceControl {
  private final Host host;
  private final List<String> restart;
  private final List<String> status;
  private final String user;
  private final String workdir;
  private final Duration restartTimeout;
  private final String pidFile;
  private final ServiceProcesses processes;

  CommandControl(
      Host host,
      List<String> restart,
      List<String> status,
      String user,
      String workdir,
      Duration restartTimeout) {
    this(host, restart, status, user, workdir, restartTimeout, null, null);
  }

  /**
   * @param pidFile the service's pid file (host path), or null
   * @param processes which processes belong to the service (needed with a pid file)
   */
  CommandControl(
      Host host,
      List<String> restart,
      List<String> status,
      String user,
      String workdir,
      Duration restartTimeout,
      String pidFile,
      ServiceProcesses processes) {
    this.host = host;
    this.restart = restart;
    this.status = status;
    this.user = user;
    this.workdir = workdir;
    this.restartTimeout = restartTimeout;
    this.pidFile = pidFile;
    this.processes = processes;
  }

  @Override
  public ServiceState state() {
    if (status.isEmpty()) {
      return pidFile == null ? ServiceState.untracked() : fromPidFile();
    }
    CommandResult r = host.runner().run(prepare(Command.of(ServiceControls.QUERY_TIMEOUT, status)));
    if (r.programMissing()) {
      return ServiceState.unknown("status command: " + Programs.missing(status.get(0)));
    }
    if (r.outcome() == CommandResult.Outcome.NOT_STARTED) {
      return ServiceState.unknown("status command " + r.summary());
    }
    if (!r.succeeded()) {
      return ServiceState.inactive("status command " + r.summary());
    }
    Optional<Instant> printed = StartTime.printed(r.stdout());
    if (printed.isPresent() || pidFile == null) {
      return ServiceState.active(printed);
    }
    ServiceState byPid = fromPidFile();
    // the status command says it runs; the pid file only tells since when, if it can
    return switch (byPid.activity()) {
      case ACTIVE -> byPid;
      case UNKNOWN -> byPid;
      default -> ServiceState.active(Optional.empty());
    };
  }

  /** Runs while the pid file's process runs and belongs to the service; since that started. */
  private ServiceState fromPidFile() {
    ServiceProcesses.Lookup found = processes.fromPidFile(pidFile);
    if (found instanceof ServiceProcesses.Found f) {
      Optional<Instant> started = processes.table().started(f.proc());
      return new ServiceState(
          ServiceState.Activity.ACTIVE, started, "pid " + f.proc().pid() + " of " + pidFile);
    }
    if (found instanceof ServiceProcesses.Missing m) {
      return ServiceState.inactive(m.why());
    }
    if (found instanceof ServiceProcesses.Stale st) {
      return ServiceState.inactive(st.why());
    }
    return ServiceState.unknown(((ServiceProcesses.Refused) found).line());
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
