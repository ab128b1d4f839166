package org.watchdogmenu.probe;

import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.service.ServiceControl;

/**
 * What a probe may use: the host (root, runner, clock), the target it checks, its service, and the
 * moment since which evidence counts ({@code notBefore}: the later of the last recorded restart and
 * the service's start, so a log scan after a restart does not see the errors that caused it).
 */
public record ProbeContext(
    Host host, Target target, ServiceControl service, Optional<Instant> notBefore) {

  /** A host folder where probes of this target may keep small state between runs. */
  public String stateDir() {
    return "/var/lib/watchdog-menu/probes/" + target.id();
  }
}
