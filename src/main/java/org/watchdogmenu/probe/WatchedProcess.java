package org.watchdogmenu.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Pm2;
import org.watchdogmenu.os.ProcTable;
import org.watchdogmenu.service.ServiceProcesses;

/**
 * The process a memory or cpu probe watches, named by exactly one of a pid file, a process name or
 * a pm2 app. A process name may match several processes (a master and its workers): the probes then
 * add them up, since together they are the service. When the target's service has a user or is a
 * systemd unit, only that account's (or unit's) processes count, by pid file or by name.
 */
final class WatchedProcess {
  private final String field;
  private final String value;

  private WatchedProcess(String field, String value) {
    this.field = field;
    this.value = value;
  }

  static WatchedProcess of(String type, String pidFile, String process, String pm2App) {
    long given = Stream.of(pidFile, process, pm2App).filter(v -> v != null).count();
    if (given != 1) {
      throw new ConfigProblem(
          type + " probe: set exactly one of pid_file, process or pm2_app (" + given + " set)");
    }
    if (pidFile != null) {
      return new WatchedProcess("pid_file", pidFile);
    }
    return process != null
        ? new WatchedProcess("process", process)
        : new WatchedProcess("pm2_app", pm2App);
  }

  boolean isPm2() {
    return field.equals("pm2_app");
  }

  /** Words for messages: {@code process nginx}, {@code pm2 app codebox}. */
  String describe() {
    switch (field) {
      case "pid_file":
        return "process of " + value;
      case "process":
        return "process " + value;
      default:
        return "pm2 app " + value;
    }
  }

  /** A file-name-safe key, unique per watched process within a target. */
  String key() {
    return field + "-" + value.replaceAll("[^A-Za-z0-9._-]+", "_");
  }

  /**
   * What was found: the running pids (or pm2 app), or a ready result saying why there is nothing to
   * measure.
   */
  record Lookup(List<Long> pids, Pm2.App app, ProbeResult problem) {
    static Lookup problem(ProbeResult problem) {
      return new Lookup(List.of(), null, problem);
    }

    boolean notRunning() {
      return problem != null && problem.verdict() == Verdict.FAIL;
    }
  }

  Lookup find(ProbeContext context, Duration timeout, Stopwatch watch) {
    ServiceProcesses procs = ServiceProcesses.of(context.host().root(), context.target().service());
    switch (field) {
      case "pid_file":
        return fromPidFile(procs, watch);
      case "process":
        try {
          List<Long> pids =
              procs.named(value, false).stream().map(ProcTable.Proc::pid).sorted().toList();
          String whose = procs.rootRun() ? "" : " among " + procs.whose() + " processes";
          return pids.isEmpty()
              ? notRunning("no process named " + value + whose, watch)
              : found(pids);
        } catch (IOException e) {
          return Lookup.problem(
              ProbeResult.unknown(
                  "cannot list processes: " + Objects.toString(e.getMessage(), e.toString()),
                  watch.elapsed()));
        }
      default:
        return fromPm2(context, timeout, watch);
    }
  }

  /**
   * The pid file is read without following a link or opening a FIFO, and its process counts only
   * when it belongs to the service ({@link ServiceProcesses}): a refusal is UNKNOWN in one line, a
   * pid reused since the file was written is a process that is not running.
   */
  private Lookup fromPidFile(ServiceProcesses procs, Stopwatch watch) {
    ServiceProcesses.Lookup found = procs.fromPidFile(value);
    if (found instanceof ServiceProcesses.Found f) {
      return found(List.of(f.proc().pid()));
    }
    if (found instanceof ServiceProcesses.Missing m) {
      return notRunning(m.why(), watch);
    }
    if (found instanceof ServiceProcesses.Stale s) {
      return notRunning(s.why(), watch);
    }
    return Lookup.problem(
        ProbeResult.unknown(((ServiceProcesses.Refused) found).line(), watch.elapsed()));
  }

  private Lookup fromPm2(ProbeContext context, Duration timeout, Stopwatch watch) {
    Pm2.Listing listing = Pm2Access.of(context, null).list(timeout);
    if (listing.outcome() == CommandResult.Outcome.NOT_STARTED) {
      return Lookup.problem(
          ProbeResult.unknown("pm2 not found: " + listing.problem(), watch.elapsed()));
    }
    if (!listing.ok()) {
      return Lookup.problem(ProbeResult.unknown(listing.problem(), watch.elapsed()));
    }
    Optional<Pm2.App> app = listing.app(value);
    if (app.isEmpty()) {
      return notRunning("pm2 app " + value + " is not in pm2's list", watch);
    }
    if (!app.get().online()) {
      return notRunning("pm2 app " + value + " is " + app.get().status(), watch);
    }
    return new Lookup(List.of(), app.get(), null);
  }

  private static Lookup found(List<Long> pids) {
    return new Lookup(pids, null, null);
  }

  private static Lookup notRunning(String why, Stopwatch watch) {
    return Lookup.problem(ProbeResult.fail("process not running (" + why + ")", watch.elapsed()));
  }
}
