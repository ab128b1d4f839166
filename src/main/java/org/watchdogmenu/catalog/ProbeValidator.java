package org.watchdogmenu.catalog;

import java.util.stream.Stream;
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

/** Checks the fields of one probe for its type. */
final class ProbeValidator {
  private ProbeValidator() {}

  static void check(String at, ProbeSpec p, Checks c) {
    c.safe(at + ".name", p.name());
    c.positive(at + ".timeout", p.timeout());
    if (p instanceof HttpProbeSpec h) {
      c.url(at + ".url", h.url(), "an http probe needs the address to ask");
      for (int i = 0; i < h.expectStatus().size(); i++) {
        c.range(at + ".expect_status[" + i + "]", h.expectStatus().get(i), 100, 599);
      }
      c.regex(at + ".body", h.body());
    } else if (p instanceof TcpListenProbeSpec t) {
      c.port(at + ".port", t.port());
      c.safe(at + ".host", t.host());
    } else if (p instanceof TcpConnectProbeSpec t) {
      c.safe(at + ".host", t.host());
      c.port(at + ".port", t.port());
    } else if (p instanceof Socks5ProbeSpec s) {
      c.proxy(at + ".proxy", s.proxy());
      c.url(at + ".url", s.url(), "a socks5 probe needs the address to ask through the proxy");
    } else if (p instanceof LogScanProbeSpec l) {
      logScan(at, l, c);
    } else if (p instanceof CommandProbeSpec command) {
      if (command.command().isEmpty()) {
        c.missing(at + ".command", "is missing: give the command as a list, e.g. [\"/bin/true\"]");
      }
      c.argv(at + ".command", command.command());
      for (int i = 0; i < command.expectExit().size(); i++) {
        c.range(at + ".expect_exit[" + i + "]", command.expectExit().get(i), 0, 255);
      }
    } else if (p instanceof CloseWaitProbeSpec closeWait) {
      if (closeWait.ports().isEmpty()) {
        c.missing(at + ".ports", "is missing: list the ports to watch, e.g. [5000, 8443]");
      }
      for (int i = 0; i < closeWait.ports().size(); i++) {
        c.port(at + ".ports[" + i + "]", closeWait.ports().get(i));
      }
      c.range(at + ".max", closeWait.max(), 1, 1_000_000);
    } else if (p instanceof MemoryProbeSpec m) {
      process(at, "memory", m.pidFile(), m.process(), m.pm2App(), c);
      c.positive(at + ".max", m.max());
    } else if (p instanceof CpuProbeSpec cpu) {
      process(at, "cpu", cpu.pidFile(), cpu.process(), cpu.pm2App(), c);
      c.range(at + ".max_percent", cpu.maxPercent(), 1, 100);
      c.positive(at + ".for", cpu.span());
    } else if (p instanceof Pm2ProbeSpec m) {
      c.require(at + ".app", m.app(), "a pm2 probe needs the app (or a pm2 service)");
      c.safe(at + ".app", m.app());
      c.user(at + ".user", m.user());
    } else if (p instanceof DockerProbeSpec d) {
      c.require(at + ".container", d.container(), "a docker probe needs the container");
      c.safe(at + ".container", d.container());
    } else if (p instanceof DiskProbeSpec d) {
      c.absolute(at + ".path", d.path());
      c.range(at + ".max_percent", d.maxPercent(), 1, 100);
    }
  }

  private static void logScan(String at, LogScanProbeSpec l, Checks c) {
    if (l.unit() == null && l.file() == null) {
      c.missing(at, "(log-scan) needs 'unit' or 'file': e.g. unit: nginx.service");
    }
    if (l.unit() != null && l.file() != null) {
      c.fail(at + ".file", "cannot be given together with 'unit': keep one of them");
    }
    c.unit(at + ".unit", l.unit());
    c.absolute(at + ".file", l.file());
    c.require(at + ".pattern", l.pattern(), "a log-scan probe needs the regex of an error line");
    c.regex(at + ".pattern", l.pattern());
    c.positive(at + ".since", l.since());
  }

  private static void process(
      String at, String type, String pidFile, String process, String pm2App, Checks c) {
    long given = Stream.of(pidFile, process, pm2App).filter(v -> v != null).count();
    if (given != 1) {
      String message =
          "("
              + type
              + ") needs exactly one of 'pid_file', 'process' or 'pm2_app'"
              + (given == 0 ? " (or a pm2 service)" : ", not " + given);
      if (given == 0) {
        c.missing(at, message);
      }
      c.fail(at, message);
    }
    c.absolute(at + ".pid_file", pidFile);
    c.safe(at + ".process", process);
    c.safe(at + ".pm2_app", pm2App);
  }
}
