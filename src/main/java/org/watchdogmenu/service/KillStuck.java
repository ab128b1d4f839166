package org.watchdogmenu.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.KillStuckSpec;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.ProcessTree;

/**
 * The kill level: SIGTERM to the stuck process and everything below it, up to {@code term_wait} for
 * them to go, SIGKILL to whatever is left, then the service's own restart command.
 */
final class KillStuck implements RestartStep.Action {
  private static final Duration POLL = Duration.ofMillis(100);

  private final Host host;
  private final KillStuckSpec spec;

  KillStuck(Host host, KillStuckSpec spec) {
    this.host = host;
    this.spec = spec;
  }

  static RestartStep step(Host host, KillStuckSpec spec, RestartStep restart) {
    return new RestartStep(
        "kill the stuck "
            + spec.describe()
            + " and its children (SIGTERM, "
            + Durations.format(spec.termWait())
            + ", SIGKILL), then "
            + restart.description(),
        restart.command(),
        new KillStuck(host, spec));
  }

  @Override
  public CommandResult run(CommandRunner runner, Command restart) {
    List<ProcessHandle> tree = new ArrayList<>();
    for (ProcessHandle root : roots()) {
      tree.add(root);
      root.descendants().forEach(tree::add);
    }
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = host.clock().instant().plus(spec.termWait());
    while (tree.stream().anyMatch(ProcessHandle::isAlive)
        && host.clock().instant().isBefore(deadline)) {
      host.sleeper().sleep(POLL);
    }
    for (ProcessHandle p : tree) {
      if (p.isAlive()) {
        ProcessTree.kill(p);
      }
    }
    return runner.run(restart);
  }

  private List<ProcessHandle> roots() {
    if (spec.pidFile() != null) {
      return pidFromFile().flatMap(ProcessHandle::of).stream().toList();
    }
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> named(p, spec.process()))
        .toList();
  }

  private Optional<Long> pidFromFile() {
    Path file = host.root().resolve(spec.pidFile());
    try {
      return Optional.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean named(ProcessHandle p, String name) {
    return p.info()
        .command()
        .map(c -> Path.of(c).getFileName().toString().equals(name))
        .orElse(false);
  }
}
