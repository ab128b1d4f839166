package org.watchdogmenu.model;

import java.time.Duration;
import java.util.List;

/** A command (argv, no shell) exits with an expected status. */
@ProbeType("command")
public record CommandProbeSpec(
    String name, Duration timeout, List<String> command, List<Integer> expectExit)
    implements ProbeSpec {
  public CommandProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    command = command == null ? List.of() : List.copyOf(command);
    expectExit = expectExit == null || expectExit.isEmpty() ? List.of(0) : List.copyOf(expectExit);
  }

  @Override
  public String label() {
    return name != null ? name : "command " + String.join(" ", command);
  }
}
