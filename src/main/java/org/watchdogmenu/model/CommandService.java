package org.watchdogmenu.model;

import java.util.List;
import java.util.Optional;

/**
 * A service restarted by a command of its own.
 *
 * @param restart the restart argv (no shell)
 * @param status an optional argv whose exit status 0 means "running" (its last line may be the
 *     start time)
 * @param user the account the commands run as (null: root)
 * @param workdir the folder the commands run in
 * @param pidFile the service's pid file: its process's start time starts the grace period, and
 *     without a status command the service runs while that process does
 */
public record CommandService(
    List<String> restart,
    List<String> status,
    String user,
    String workdir,
    String pidFile,
    List<List<String>> recovery,
    KillStuckSpec killStuck)
    implements ServiceSpec {

  public CommandService {
    restart = ServiceParts.argv(restart);
    status = ServiceParts.argv(status);
    recovery = ServiceParts.levels(recovery);
  }

  /** A restart command run by {@code user}, without status, pid file or further levels. */
  public CommandService(List<String> restart, String user) {
    this(restart, List.of(), user, null, null, List.of(), null);
  }

  @Override
  public ServiceKind kind() {
    return ServiceKind.COMMAND;
  }

  @Override
  public Optional<String> account() {
    return ServiceParts.account(user);
  }

  @Override
  public String describe() {
    return "command " + String.join(" ", restart) + (user == null ? "" : " as " + user);
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.command(this);
  }
}
