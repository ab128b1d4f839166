package org.watchdogmenu.service;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.KillStuckSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.ProcTable;

/**
 * The kill level: SIGTERM to the stuck process and everything below it, up to {@code term_wait} for
 * them to go, SIGKILL to whatever is left, then the service's own restart command.
 *
 * <p>Only the service's processes are signalled ({@link ServiceProcesses}): a pid file that names
 * another account's process, a root-run service's pid file that another account could write, or a
 * pid reused since the pid file was written is refused in one line that names the pid, its owner
 * and why; then nothing is signalled and the restart of this level does not run. By name, only the
 * service's processes are matched. Below a process, only children that belong to the service by the
 * same rule are signalled.
 */
final class KillStuck implements RestartStep.Action {
  private static final Duration POLL = Duration.ofMillis(100);

  /** How far the JDK's and our reading of a start time may differ. */
  private static final long SAME_START_MILLIS = 10;

  private final Host host;
  private final KillStuckSpec spec;
  private final ServiceProcesses procs;

  KillStuck(Host host, KillStuckSpec spec, ServiceProcesses procs) {
    this.host = host;
    this.spec = spec;
    this.procs = procs;
  }

  static RestartStep step(Host host, ServiceSpec service, RestartStep restart) {
    KillStuckSpec spec = service.killStuck();
    return new RestartStep(
        "kill the stuck "
            + spec.describe()
            + " and its children (SIGTERM, "
            + Durations.format(spec.termWait())
            + ", SIGKILL), then "
            + restart.description(),
        restart.command(),
        new KillStuck(host, spec, ServiceProcesses.of(host.root(), service)));
  }

  @Override
  public CommandResult run(CommandRunner runner, Command restart) {
    List<ProcTable.Proc> stuck;
    try {
      stuck = stuck();
    } catch (Refusal r) {
      return CommandResult.notStarted(r.getMessage() + "; nothing was signalled");
    }
    Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
    List<ProcessHandle> roots = new ArrayList<>();
    for (ProcTable.Proc p : stuck) {
      handle(p).ifPresent(roots::add);
    }
    roots.forEach(r -> addTree(r, tree));
    tree.values().forEach(ProcessHandle::destroy);
    Instant deadline = host.clock().instant().plus(spec.termWait());
    while (tree.values().stream().anyMatch(this::alive)
        && host.clock().instant().isBefore(deadline)) {
      host.sleeper().sleep(POLL);
    }
    // children forked while SIGTERM was given go too
    roots.stream().filter(this::alive).forEach(r -> addTree(r, tree));
    for (ProcessHandle p : tree.values()) {
      if (alive(p)) {
        p.destroyForcibly();
      }
    }
    return runner.run(restart);
  }

  /** The stuck processes of the service, or the refusal. */
  private List<ProcTable.Proc> stuck() throws Refusal {
    if (spec.pidFile() != null) {
      ServiceProcesses.Lookup found = procs.fromPidFile(spec.pidFile());
      if (found instanceof ServiceProcesses.Refused refused) {
        throw new Refusal(refused.line());
      }
      if (found instanceof ServiceProcesses.Stale stale) {
        throw new Refusal(stale.line());
      }
      return found instanceof ServiceProcesses.Found f ? List.of(f.proc()) : List.of();
    }
    try {
      return procs.named(spec.process(), true);
    } catch (IOException e) {
      throw new Refusal(
          "cannot look for processes named " + spec.process() + ": " + e.getMessage());
    }
  }

  /**
   * A handle on the process that was checked. The JDK ties a handle to the start time it saw and
   * never signals another process that reuses the pid later; the handle is taken after the check
   * and its start compared with the checked one, so it cannot stand for an earlier process either.
   */
  private Optional<ProcessHandle> handle(ProcTable.Proc checked) {
    Optional<ProcessHandle> h = ProcessHandle.of(checked.pid());
    if (h.isEmpty() || h.get().equals(ProcessHandle.current())) {
      return Optional.empty();
    }
    Optional<ProcTable.Proc> now = procs.table().get(checked.pid());
    if (now.isEmpty()
        || now.get().startTicks() != checked.startTicks()
        || !now.get().uids().equals(checked.uids())
        || !sameStart(h.get(), now.get())) {
      return Optional.empty();
    }
    return h;
  }

  private boolean sameStart(ProcessHandle h, ProcTable.Proc p) {
    Optional<Instant> ours = procs.table().started(p);
    Optional<Instant> jdk = h.info().startInstant();
    return ours.isPresent()
        && jdk.isPresent()
        && Math.abs(ours.get().toEpochMilli() - jdk.get().toEpochMilli()) <= SAME_START_MILLIS;
  }

  /** The process and the children below it that belong to the service. */
  private void addTree(ProcessHandle root, Map<Long, ProcessHandle> tree) {
    tree.putIfAbsent(root.pid(), root);
    root.descendants()
        .forEach(
            d -> {
              Optional<ProcTable.Proc> p = procs.table().get(d.pid());
              if (p.isPresent()
                  && !d.equals(ProcessHandle.current())
                  && procs.mayFollow(p.get())
                  && sameStart(d, p.get())) {
                tree.putIfAbsent(d.pid(), d);
              }
            });
  }

  /** Running and not a zombie (an ended child whose parent never collects it counts as gone). */
  private boolean alive(ProcessHandle h) {
    return h.isAlive() && procs.table().alive(h.pid());
  }

  /** The level may not signal what it found. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }
}
