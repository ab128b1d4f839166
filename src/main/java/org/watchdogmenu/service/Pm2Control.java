package org.watchdogmenu.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.Pm2;

/**
 * A pm2 app, run as its user. Recovery escalates as the PM2 high-availability guide does: restart
 * the app, then resurrect the saved process list (a dead daemon), then start the app from its
 * ecosystem file.
 */
final class Pm2Control implements ServiceControl {
  private final Host host;
  private final Pm2 pm2;
  private final String app;
  private final String ecosystem;
  private final String env;
  private final Duration restartTimeout;

  Pm2Control(
      Host host, Pm2 pm2, String app, String ecosystem, String env, Duration restartTimeout) {
    this.host = host;
    this.pm2 = pm2;
    this.app = app;
    this.ecosystem = ecosystem;
    this.env = env;
    this.restartTimeout = restartTimeout;
  }

  @Override
  public ServiceState state() {
    Pm2.Daemon daemon = pm2.daemon();
    if (daemon.status() == Pm2.Daemon.Status.REFUSED) {
      return ServiceState.unknown(daemon.detail());
    }
    if (!daemon.running()) {
      return ServiceState.inactive(
          "PM2 daemon is not running" + (daemon.detail() == null ? "" : ": " + daemon.detail()));
    }
    Pm2.Listing listing = pm2.list(ServiceControls.QUERY_TIMEOUT);
    if (!listing.ok()) {
      return ServiceState.unknown(listing.problem());
    }
    Optional<Pm2.App> found = listing.app(app);
    if (found.isEmpty()) {
      return ServiceState.inactive("app " + app + " is not in pm2's list");
    }
    Pm2.App a = found.get();
    if (!a.online()) {
      return ServiceState.inactive("pm2 status " + a.status());
    }
    return ServiceState.active(a.started());
  }

  @Override
  public List<RestartStep> restartSteps() {
    List<RestartStep> steps = new ArrayList<>();
    steps.add(step(pm2.command(restartTimeout, "restart", app)));
    steps.add(step(pm2.command(restartTimeout, "resurrect")));
    if (ecosystem != null) {
      steps.add(step(pm2.command(restartTimeout, "start", ecosystem, "--only", app, "--env", env)));
    }
    return steps;
  }

  private RestartStep step(Command command) {
    return new RestartStep(command.display(), workdir().map(command::inDirectory).orElse(command));
  }

  /**
   * pm2 resolves relative paths of an ecosystem file against the folder it runs in: the folder of
   * the ecosystem file; empty without one (or for a bare file name), where pm2 runs in no folder of
   * its own.
   */
  private Optional<String> workdir() {
    if (ecosystem == null) {
      return Optional.empty();
    }
    int slash = ecosystem.lastIndexOf('/');
    return slash > 0
        ? Optional.of(host.root().resolve(ecosystem.substring(0, slash)).toString())
        : Optional.empty();
  }
}
