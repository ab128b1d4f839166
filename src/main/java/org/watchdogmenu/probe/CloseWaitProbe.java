package org.watchdogmenu.probe;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.watchdogmenu.model.CloseWaitProbeSpec;

/**
 * Fewer than {@code max} connections sit in CLOSE-WAIT on each of the local ports: the peer closed
 * but the service never did, the connection leak of the camera platform's guide. Counted from the
 * kernel's TCP tables.
 */
final class CloseWaitProbe implements Probe {
  private final CloseWaitProbeSpec spec;

  CloseWaitProbe(CloseWaitProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    if (spec.ports().isEmpty()) {
      throw ConfigProblem.missing("close-wait", "ports", "[5000, 8443]");
    }
    List<ProcNetTcp.Socket> sockets;
    try {
      sockets = ProcNetTcp.read(context.host().root());
    } catch (IOException e) {
      return ProbeResult.unknown("cannot count CLOSE-WAIT: " + e.getMessage(), watch.elapsed());
    }
    Map<Integer, Long> counts = new LinkedHashMap<>();
    for (int port : spec.ports()) {
      counts.put(
          port,
          sockets.stream()
              .filter(s -> s.state() == ProcNetTcp.CLOSE_WAIT && s.localPort() == port)
              .count());
    }
    String text =
        "CLOSE-WAIT "
            + counts.entrySet().stream()
                .map(e -> "port " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "))
            + " (limit "
            + spec.max()
            + ")";
    boolean leak = counts.values().stream().anyMatch(n -> n >= spec.max());
    return leak ? ProbeResult.fail(text, watch.elapsed()) : ProbeResult.pass(text, watch.elapsed());
  }
}
