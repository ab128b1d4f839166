package org.watchdogmenu.service;

import java.time.Duration;
import java.util.List;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Docker;
import org.watchdogmenu.os.Host;

/** A docker container, restarted with {@code docker restart}. */
final class DockerControl implements ServiceControl {
  private final Host host;
  private final String container;
  private final Duration restartTimeout;

  DockerControl(Host host, String container, Duration restartTimeout) {
    this.host = host;
    this.container = container;
    this.restartTimeout = restartTimeout;
  }

  @Override
  public ServiceState state() {
    Docker.State s = Docker.state(host, container, ServiceControls.QUERY_TIMEOUT);
    if (s.problem() != null) {
      return ServiceState.unknown(s.problem());
    }
    if (!s.exists()) {
      return ServiceState.inactive("container " + container + " does not exist");
    }
    return s.running() ? ServiceState.active(s.started()) : ServiceState.inactive(s.status());
  }

  @Override
  public List<RestartStep> restartSteps() {
    Command restart = Docker.restart(container, restartTimeout);
    return List.of(new RestartStep(restart.display(), restart));
  }
}
