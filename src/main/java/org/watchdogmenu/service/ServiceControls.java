package org.watchdogmenu.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
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
    ServiceControl base = s.match(new KindControl(host, timeout));
    List<RestartStep> extra = new ArrayList<>();
    if (s.killStuck() != null) {
      extra.add(KillStuck.step(host, s, base.restartSteps().get(0)));
    }
    extra.addAll(recoverySteps(s, host, timeout));
    return extra.isEmpty() ? base : new WithRecovery(base, extra);
  }

  /** The control of each kind, with its own restart levels. */
  private record KindControl(Host host, Duration timeout)
      implements ServiceSpec.Cases<ServiceControl> {
    @Override
    public ServiceControl systemd(SystemdService s) {
      return new SystemdControl(host, s.unit(), null, timeout);
    }

    @Override
    public ServiceControl systemdUser(SystemdUserService s) {
      return new SystemdControl(host, s.unit(), s.user(), timeout);
    }

    @Override
    public ServiceControl pm2(Pm2Service s) {
      return new Pm2Control(
          host, new Pm2(host, s.pm2(), s.user()), s.app(), s.ecosystem(), s.env(), timeout);
    }

    @Override
    public ServiceControl docker(DockerService s) {
      return new DockerControl(host, s.container(), timeout);
    }

    @Override
    public ServiceControl command(CommandService s) {
      return new CommandControl(
          host,
          s.restart(),
          s.status(),
          s.user(),
          s.workdir(),
          timeout,
          s.pidFile(),
          s.pidFile() == null ? null : ServiceProcesses.of(host.root(), s));
    }
  }

  /**
   * The target's own extra levels, run as the service's user where the kind has one that runs its
   * commands (pm2 and command); a systemd-user service's levels run as root, like its own.
   */
  private static List<RestartStep> recoverySteps(ServiceSpec s, Host host, Duration timeout) {
    boolean asServiceUser =
        switch (s.kind()) {
          case PM2, COMMAND -> true;
          case SYSTEMD, SYSTEMD_USER, DOCKER -> false;
        };
    List<RestartStep> steps = new ArrayList<>();
    for (List<String> argv : s.recovery()) {
      Command c = Command.of(timeout, argv);
      if (asServiceUser) {
        c = c.asUser(s.account().orElse(null), host.currentUser());
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
