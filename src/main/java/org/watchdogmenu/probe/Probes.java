package org.watchdogmenu.probe;

import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DiskProbeSpec;
import org.watchdogmenu.model.DockerProbeSpec;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;

/**
 * Builds the {@link Probe} for a {@link ProbeSpec}: the one place that maps a probe type to its
 * implementation. Every probe it returns turns a configuration problem into {@link Verdict#UNKNOWN}
 * and never throws.
 */
public final class Probes {
  private Probes() {}

  public static Probe of(ProbeSpec spec) {
    return of(spec, -1);
  }

  /**
   * The probe at {@code index} of its target's list: a message naming one of its settings names it
   * as the catalog does, {@code probes[index].username}.
   */
  public static Probe of(ProbeSpec spec, int index) {
    return new SafeProbe(spec.type(), implementation(spec), index);
  }

  private static Probe implementation(ProbeSpec spec) {
    if (spec instanceof HttpProbeSpec s) {
      return new HttpProbe(s);
    } else if (spec instanceof TcpListenProbeSpec s) {
      return new TcpListenProbe(s);
    } else if (spec instanceof TcpConnectProbeSpec s) {
      return new TcpConnectProbe(s);
    } else if (spec instanceof Socks5ProbeSpec s) {
      return new Socks5Probe(s);
    } else if (spec instanceof LogScanProbeSpec s) {
      return new LogScanProbe(s);
    } else if (spec instanceof CommandProbeSpec s) {
      return new CommandProbe(s);
    } else if (spec instanceof CloseWaitProbeSpec s) {
      return new CloseWaitProbe(s);
    } else if (spec instanceof MemoryProbeSpec s) {
      return new MemoryProbe(s);
    } else if (spec instanceof CpuProbeSpec s) {
      return new CpuProbe(s);
    } else if (spec instanceof Pm2ProbeSpec s) {
      return new Pm2Probe(s);
    } else if (spec instanceof DockerProbeSpec s) {
      return new DockerProbe(s);
    } else if (spec instanceof DiskProbeSpec s) {
      return new DiskProbe(s);
    } else if (spec instanceof ActiveProbeSpec) {
      return new ActiveProbe();
    }
    throw new IllegalArgumentException("no probe for " + spec.getClass().getSimpleName());
  }
}
