package org.watchdogmenu.os;

import java.nio.file.Path;

/** Hosts for unit tests: a temp root, a scripted runner, a fake clock that also sleeps. */
public final class TestHosts {
  private TestHosts() {}

  public static Host scripted(Path root, ScriptedCommandRunner runner, MutableClock clock) {
    return new Host(new HostRoot(root), runner, clock, clock, "root");
  }

  /** A host that runs real commands but under a temp root. */
  public static Host real(Path root) {
    return Host.system(new HostRoot(root));
  }
}
