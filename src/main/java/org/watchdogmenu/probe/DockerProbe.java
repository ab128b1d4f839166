package org.watchdogmenu.probe;

import org.watchdogmenu.model.DockerProbeSpec;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.os.Docker;

/**
 * A docker container (by default the service's) is running. Docker missing or its daemon down is
 * UNKNOWN: restarting the container could not help.
 */
final class DockerProbe implements Probe {
  private final DockerProbeSpec spec;

  DockerProbe(DockerProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    String container = spec.container();
    if (container == null && context.target().service() instanceof DockerService d) {
      container = d.container();
    }
    Fields.required(container, "docker", "container", "kms-production");
    Docker.State state = Docker.state(context.host(), container, spec.timeout());
    if (state.problem() != null) {
      return ProbeResult.unknown(state.problem(), watch.elapsed());
    }
    if (!state.exists()) {
      return ProbeResult.fail("container " + container + " does not exist", watch.elapsed());
    }
    if (!state.running()) {
      return ProbeResult.fail(
          "container " + container + " is not running (" + state.status() + ")", watch.elapsed());
    }
    return ProbeResult.pass("container " + container + " is running", watch.elapsed());
  }
}
