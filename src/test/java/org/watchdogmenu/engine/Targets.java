package org.watchdogmenu.engine;

import java.util.List;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TargetPaths;

/** Targets for engine tests, with seed 003's policy and paths. */
final class Targets {
  private Targets() {}

  static Target paqetServer() {
    return new Target(
        "paqet-server",
        "Paqet server",
        "paqet",
        "server",
        null,
        systemd("paqet-server.service"),
        List.of(new ActiveProbeSpec(null, null)),
        Policy.DEFAULTS,
        new TargetPaths(
            "/var/tmp/paqet_restart_state_server.txt",
            "/var/log/paqet-health-server.log",
            "/var/log/paqet-cron-server.log"));
  }

  static ServiceSpec systemd(String unit) {
    return new SystemdService(unit);
  }

  static ServiceSpec pm2(String app, String user, String ecosystem) {
    return new Pm2Service(app, user, ecosystem, null, null, List.of(), null);
  }
}
