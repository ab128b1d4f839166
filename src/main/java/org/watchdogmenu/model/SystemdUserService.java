package org.watchdogmenu.model;

import java.util.List;
import java.util.Optional;

/**
 * A user's service in that user's systemd manager: {@code systemctl --user restart UNIT} as the
 * user.
 *
 * @param unit the unit, e.g. {@code app.service}
 * @param user whose manager runs it
 */
public record SystemdUserService(
    String unit, String user, List<List<String>> recovery, KillStuckSpec killStuck)
    implements ServiceSpec {

  public SystemdUserService {
    recovery = ServiceParts.levels(recovery);
  }

  /** A user unit without further levels. */
  public SystemdUserService(String unit, String user) {
    this(unit, user, List.of(), null);
  }

  @Override
  public ServiceKind kind() {
    return ServiceKind.SYSTEMD_USER;
  }

  @Override
  public Optional<String> account() {
    return ServiceParts.account(user);
  }

  @Override
  public Optional<String> systemdUnit() {
    return Optional.ofNullable(unit);
  }

  @Override
  public String describe() {
    return "systemd user unit " + unit + " of " + user;
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.systemdUser(this);
  }
}
