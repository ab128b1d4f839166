package org.watchdogmenu.model;

import java.util.List;

/**
 * The service a target watches and how to restart it.
 *
 * @param unit systemd kinds: the unit, e.g. {@code paqet-server.service}
 * @param user systemd-user, pm2 and command kinds: whose manager (or account) to use
 * @param app pm2: the app name
 * @param ecosystem pm2: the ecosystem file for the last recovery level ({@code pm2 start FILE
 *     --only APP})
 * @param env pm2: the environment given to {@code --env} when starting from the ecosystem file
 * @param pm2 pm2: the pm2 executable
 * @param container docker: the container name
 * @param restart command kind: the restart argv (no shell)
 * @param status command kind: an optional argv whose exit status 0 means "running"
 * @param workdir command kind: the folder the restart runs in
 * @param recovery further levels, each an argv, tried in order after the kind's own levels
 * @param killStuck optional level after the kind's own: kill the stuck process tree, then restart
 * @param pidFile command kind: the service's pid file; its process's start time starts the grace
 *     period, and without a status command the service runs while that process does
 */
public record ServiceSpec(
    ServiceKind kind,
    String unit,
    String user,
    String app,
    String ecosystem,
    String env,
    String pm2,
    String container,
    List<String> restart,
    List<String> status,
    String workdir,
    List<List<String>> recovery,
    KillStuckSpec killStuck,
    String pidFile) {

  /** A service without a pid file. */
  public ServiceSpec(
      ServiceKind kind,
      String unit,
      String user,
      String app,
      String ecosystem,
      String env,
      String pm2,
      String container,
      List<String> restart,
      List<String> status,
      String workdir,
      List<List<String>> recovery,
      KillStuckSpec killStuck) {
    this(
        kind, unit, user, app, ecosystem, env, pm2, container, restart, status, workdir, recovery,
        killStuck, null);
  }

  /** A service without a kill level. */
  public ServiceSpec(
      ServiceKind kind,
      String unit,
      String user,
      String app,
      String ecosystem,
      String env,
      String pm2,
      String container,
      List<String> restart,
      List<String> status,
      String workdir,
      List<List<String>> recovery) {
    this(
        kind, unit, user, app, ecosystem, env, pm2, container, restart, status, workdir, recovery,
        null, null);
  }

  public ServiceSpec {
    restart = restart == null ? List.of() : List.copyOf(restart);
    status = status == null ? List.of() : List.copyOf(status);
    recovery = recovery == null ? List.of() : recovery.stream().map(List::copyOf).toList();
    env = env == null ? "production" : env;
    pm2 = pm2 == null ? "pm2" : pm2;
  }
}
