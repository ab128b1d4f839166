package org.watchdogmenu.probe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.service.RestartStep;
import org.watchdogmenu.service.ServiceControl;
import org.watchdogmenu.service.ServiceState;

/** Probe contexts for tests: a target {@code t1} with an optional service. */
final class Contexts {
  private Contexts() {}

  static ProbeContext of(Host host) {
    return of(host, null, Optional.empty(), null);
  }

  static ProbeContext of(
      Host host, ServiceSpec service, Optional<Instant> notBefore, ServiceState state) {
    Target target = new Target("t1", null, null, null, null, service, List.of(), null, null);
    return new ProbeContext(host, target, state == null ? null : fixed(state), notBefore);
  }

  static ServiceSpec pm2Service(String app, String user) {
    return new Pm2Service(app, user);
  }

  static ServiceSpec dockerService(String container) {
    return new DockerService(container);
  }

  private static ServiceControl fixed(ServiceState state) {
    return new ServiceControl() {
      @Override
      public ServiceState state() {
        return state;
      }

      @Override
      public List<RestartStep> restartSteps() {
        return List.of();
      }
    };
  }
}
