package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.Host;

/**
 * The plans a desired-state file needs beyond the single commands' ({@link Planner}): whole files
 * (the monitor's list, alerts.yaml), the removal of what an earlier apply wrote and the file no
 * longer asks for, and one plan of many, with the logrotate file made once for all of them.
 */
public final class DesiredPlans {
  private final Planner planner;

  public DesiredPlans(Host host) {
    this.planner = new Planner(host);
  }

  /** The single commands' planner, on the same host and records. */
  public Planner planner() {
    return planner;
  }

  /** A plan that changes nothing. */
  public Plan nothing() {
    return planner.builder("nothing").build();
  }

  /** The monitor's list with exactly these targets, in this order; nothing when it already is. */
  public Plan monitorList(MonitorList wanted) {
    PlanBuilder b = planner.builder("monitor list");
    b.write(Planner.monitorList(wanted));
    return b.build();
  }

  /**
   * alerts.yaml with this whole text (0600 root: it holds secrets); the applier reads it back with
   * the alert loader before it is written, and previews mask its secrets.
   */
  public Plan alertsFile(String text) {
    PlanBuilder b = planner.builder("alerts");
    b.write(
        FileWrite.of(
            AlertsEdit.PATH, text, FileKind.ALERTS, "0600", "root", FeatureKey.Single.ALERTS));
    return b.build();
  }

  /** A site target file watchdog-menu wrote, put back as it was before (usually: removed). */
  public Plan removeSiteTarget(String id) {
    return putBack("target " + id, FeatureKey.target(id));
  }

  /** A sudoers.d file watchdog-menu wrote, put back as it was before (usually: removed). */
  public Plan removeSudoers(String name) {
    return putBack("sudoers " + name, FeatureKey.sudoers(name));
  }

  /** The PM2 housekeeping cron file of a user that watchdog-menu wrote, put back as it was. */
  public Plan removePm2Housekeeping(String user) {
    return putBack("pm2 housekeeping " + user, FeatureKey.pm2Housekeeping(user));
  }

  /** The monitor's service stopped, disabled and its unit put back as it was before. */
  public Plan removeMonitorService() {
    PlanBuilder b = planner.builder("monitor service");
    List<Manifest.Installed> ours =
        planner.store.load().installedFor(FeatureKey.Single.MONITOR_UNIT);
    if (ours.isEmpty()) {
      return b.build();
    }
    if (Linger.systemdRunning(planner.root)) {
      b.command(
          new PlanCommand(
              List.of("systemctl", "disable", "--now", InstallPaths.MONITOR_UNIT),
              "stop the monitor and no longer start it at boot",
              List.of("systemctl", "enable", "--now", InstallPaths.MONITOR_UNIT)));
    }
    planner.putBackOurs(b, ours, "removing it");
    planner.reload(b);
    return b.build();
  }

  private Plan putBack(String what, FeatureKey key) {
    PlanBuilder b = planner.builder(what);
    planner.putBackOurs(b, planner.store.load().installedFor(key), "removing it");
    return b.build();
  }

  /**
   * The plans as one, titled {@code action} (e.g. {@code apply /srv/host.yaml}), with the logrotate
   * file made once for the cron files that stay, come and go, so the parts do not undo each other's
   * logs.
   */
  public Plan combine(String action, List<Plan> plans) {
    PlanBuilder b = planner.builder(action);
    for (Plan p : plans) {
      p.writes().stream().filter(w -> !w.path().equals(InstallPaths.LOGROTATE)).forEach(b::write);
      p.removals().stream()
          .filter(r -> !r.path().equals(InstallPaths.LOGROTATE))
          .filter(r -> !b.touched().contains(r.path()))
          .forEach(b::remove);
      p.commands().forEach(b::command);
      p.warnings().forEach(b::warn);
      if (p.confirmation() != null) {
        b.confirm(p.confirmation());
      }
    }
    planner.logrotate(b, planner.store.load());
    return b.build();
  }
}
