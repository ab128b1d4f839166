package org.watchdogmenu.model;

import java.util.List;
import java.util.Optional;

/**
 * A system service of systemd: {@code systemctl restart UNIT}.
 *
 * @param unit the unit, e.g. {@code paqet-server.service} ({@code .service} may be left out)
 */
public record SystemdService(String unit, List<List<String>> recovery, KillStuckSpec killStuck)
    implements ServiceSpec {

  public SystemdService {
    recovery = ServiceParts.levels(recovery);
  }

  /** A unit restarted by systemd alone, without further levels. */
  public SystemdService(String unit) {
    this(unit, List.of(), null);
  }

  @Override
  public ServiceKind kind() {
    return ServiceKind.SYSTEMD;
  }

  @Override
  public Optional<String> systemdUnit() {
    return Optional.ofNullable(unit);
  }

  @Override
  public String describe() {
    return "systemd " + unit;
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.systemd(this);
  }
}
