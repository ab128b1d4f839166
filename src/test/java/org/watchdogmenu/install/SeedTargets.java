package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TargetPaths;

/** The seeds' targets, built directly (the catalog is not needed to install them). */
final class SeedTargets {
  static final String CAMERA_DIR = "/home/satinder/camera-platform-local";

  private SeedTargets() {}

  /** Seed 003: paqet, icmptunnel, waterwall; role server or client. */
  static Target tunnel(String system, String role) {
    String unit = system.equals("waterwall") ? "waterwall-direct-" + role : system + "-" + role;
    return new Target(
        system + "-" + role,
        null,
        system,
        role,
        null,
        systemd(unit + ".service"),
        List.of(new ActiveProbeSpec(null, null)),
        Policy.DEFAULTS,
        new TargetPaths(
            "/var/tmp/" + system + "_restart_state_" + role + ".txt",
            "/var/log/" + system + "-health-" + role + ".log",
            "/var/log/" + system + "-cron-" + role + ".log"));
  }

  /** Seed 000: the camera platform, restarted by managed_start.sh as satinder. */
  static Target camera() {
    return new Target(
        "camera-platform",
        "Camera Platform Services - EMQX Edition",
        "camera",
        null,
        null,
        new CommandService(
            List.of("/bin/bash", "./scripts/managed_start.sh", "restart"),
            List.of(),
            "satinder",
            CAMERA_DIR,
            null,
            List.of(),
            null),
        List.of(),
        Policy.DEFAULTS,
        new TargetPaths(
            "/var/tmp/camera_restart_state.txt",
            CAMERA_DIR + "/logs/health_check.log",
            CAMERA_DIR + "/logs/cron_restart.log"));
  }

  /** Seeds 002 and 004: a pm2 app run by ubuntu. */
  static Target pm2(String app) {
    return new Target(
        "pm2-" + app,
        null,
        "pm2",
        null,
        null,
        new Pm2Service(app, "ubuntu"),
        List.of(),
        Policy.DEFAULTS,
        null);
  }

  /** Seed 001: a systemd service. */
  static Target svc(String unit) {
    return new Target(
        "svc-" + unit, null, "svc", null, null, systemd(unit + ".service"), List.of(), null, null);
  }

  /** A command-kind target of the operator's own, with its logs where the test says. */
  static Target custom(String id, String healthLog, String cronLog) {
    return new Target(
        id,
        null,
        "custom",
        null,
        null,
        new CommandService(List.of("/bin/true"), null),
        List.of(),
        null,
        new TargetPaths(null, healthLog, cronLog));
  }

  static ServiceSpec systemd(String unit) {
    return new SystemdService(unit);
  }
}
