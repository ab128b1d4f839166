package org.watchdogmenu.os;

import java.time.Clock;

/**
 * Everything that touches the machine, in one place: the root folder, the command runner, the
 * clock, a way to wait, and who we run as. Production code gets {@link #system}; tests build one
 * with a temp root, a scripted runner and a fake clock.
 */
public record Host(
    HostRoot root, CommandRunner runner, Clock clock, Sleeper sleeper, String currentUser) {

  public static Host system(HostRoot root) {
    return new Host(
        root,
        new ExecCommandRunner(),
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        System.getProperty("user.name"));
  }
}
