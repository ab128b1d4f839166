package org.watchdogmenu.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.Pm2;

/** Builds the {@link ServiceControl} for a target's service kind. */
public final class ServiceControls {
  /** How long a question to a service manager may take. */
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  private ServiceControls() {}

  public static ServiceControl forTarget(Target target, Host host) {
    ServiceSpec s = target.service();
    Duration timeout = target.policy().restartTimeout();
    ServiceControl base;
    switch (s.kind()) {
      case SYSTEMD:
        base = new SystemdControl(host, s.unit(), null, timeout);
        break;
      case SYSTEMD_USER:
        base = new SystemdControl(host, s.unit(), s.user(), timeout);
        break;
      case PM2:
        base =
            new Pm2Control(
                host, new Pm2(host, s.pm2(), s.user()), s.app(), s.ecosystem(), s.env(), timeout);
        break;
      case DOCKER:
        base = new DockerControl(host, s.container(), timeout);
        break;
      default:
        base =
            new CommandControl(
                host,
                s.restart(),
                s.status(),
                s.user(),
                s.workdir(),
                timeout,
                s.pidFile(),
                s.pidFile() == null ? null : ServiceProcesses.of(host.root(), s));
        break;
    }
    List<RestartStep> extra = new ArrayList<>();
    if (s.killStuck() != null) {
      extra.add(KillStuck.step(host, s, base.restartSteps().get(0)));
    }
    extra.addAll(recoverySteps(s, host, timeout));
    return extra.isEmpty() ? base : new WithRecovery(base, extra);
  }

  /** The target's own extra levels, run as the service's user where the kind has one. */
  private static List<RestartStep> recoverySteps(ServiceSpec s, Host host, Duration timeout) {
    boolean asServiceUser =
        s.kind() == org.watchdogmenu.model.ServiceKind.PM2
            || s.kind() == org.watchdogmenu.model.ServiceKind.COMMAND;
    List<RestartStep> steps = new ArrayList<>();
    for (List<String> argv : s.recovery()) {
      Command c = Command.of(timeout, argv);
      if (asServiceUser) {
        c = c.asUser(s.user(), host.currentUser());
      }
      steps.add(new RestartStep(c.display(), c));
    }
    return steps;
  }

  /** A service whose recovery goes on with the target's own commands after the kind's levels. */
  private record WithRecovery(ServiceControl base, List<RestartStep> extra)
      implements ServiceControl {
    @Override
    public ServiceState state() {
      return base.state();
    }

    @Override
    public List<RestartStep> restartSteps() {
      List<RestartStep> all = new ArrayList<>(base.restartSteps());
      all.addAll(extra);
      return all;
    }
  }
}
