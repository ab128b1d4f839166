package org.watchdogmenu.model;

import java.util.List;

/**
 * A docker container: {@code docker restart CONTAINER}.
 *
 * @param container the container's name
 */
public record DockerService(String container, List<List<String>> recovery, KillStuckSpec killStuck)
    implements ServiceSpec {

  public DockerService {
    recovery = ServiceParts.levels(recovery);
  }

  /** A container without further levels. */
  public DockerService(String container) {
    this(container, List.of(), null);
  }

  @Override
  public ServiceKind kind() {
    return ServiceKind.DOCKER;
  }

  @Override
  public String describe() {
    return "docker container " + container;
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.docker(this);
  }
}
