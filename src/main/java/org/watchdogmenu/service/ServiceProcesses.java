package org.watchdogmenu.service;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.os.FileStat;
import org.watchdogmenu.os.FolderTrust;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Owners;
import org.watchdogmenu.os.PidFile;
import org.watchdogmenu.os.ProcTable;
import org.watchdogmenu.os.Users;

/**
 * Which processes belong to a target's service, so that root signals (the kill level) or measures
 * (memory and cpu probes) only those, whoever wrote the pid file or named the process.
 *
 * <p>The owner rule:
 *
 * <ul>
 *   <li>a service with a {@code user} (command, pm2, systemd-user): the process runs as that
 *       account and nothing else (real, effective, saved and file-system uid);
 *   <li>a systemd or systemd-user unit: the process is in the unit's control group ({@code
 *       /proc/PID/cgroup} names the unit), which no other account can move a process into;
 *   <li>a service run by root (no user or {@code user: root}, not a unit): a pid file counts only
 *       when root owns it, nobody else can write it, and it stands in a folder only root can
 *       change; by name, only root's processes are killed.
 * </ul>
 *
 * <p>A pid file also has to be newer than its process. A process cannot be named in a pid file
 * before it exists, so the one a service wrote started no later than the file was written. A
 * process that started after that is a newer one that got the pid after the service's process
 * ended: the pid file is stale. This check keeps root from signalling an unrelated process that
 * reuses a pid; it is no defence against the service's own account, which can set the file's time
 * as it likes, and that is what the owner rule is for. The process's start (field 22 of {@code
 * /proc/PID/stat} plus the boot time) is measured from boot while a file's time is the wall clock's
 * when it was written: an adjustment of the clock since then (NTP slewing a long-running daemon's
 * clock by seconds) moves one against the other, so a minute of slack is allowed. A pid reused
 * after its service died is, in practice, minutes or days younger than its stale file.
 */
public final class ServiceProcesses {

  private static final String UNIT_TYPES =
      ".*\\.(service|scope|socket|target|mount|automount|timer|path|slice|swap|device)";

  private final HostRoot root;
  private final ProcTable table;
  private final String user;
  private final Optional<Integer> uid;
  private final String unit;

  private ServiceProcesses(HostRoot root, String user, String unit) {
    this.root = root;
    this.table = new ProcTable(root);
    this.user = user;
    this.uid = user == null ? Optional.empty() : Users.uid(user);
    this.unit = unit;
  }

  /** The rule for a target's service; a null service means root's own, unbound processes. */
  public static ServiceProcesses of(HostRoot root, ServiceSpec service) {
    if (service == null) {
      return new ServiceProcesses(root, null, null);
    }
    String user = service.account().orElse(null);
    String unit = service.systemdUnit().map(ServiceProcesses::unitName).orElse(null);
    return new ServiceProcesses(root, user, unit);
  }

  /** {@code nginx} is {@code nginx.service}, as systemctl reads it. */
  static String unitName(String unit) {
    return unit.matches(UNIT_TYPES) ? unit : unit + ".service";
  }

  public ProcTable table() {
    return table;
  }

  /** Neither an account nor a unit binds the service's processes: root runs it. */
  public boolean rootRun() {
    return user == null && unit == null;
  }

  /** Whose processes count, in words: {@code www's}, {@code nginx.service's}. */
  public String whose() {
    if (user != null && unit != null) {
      return user + "'s in " + unit;
    }
    return user != null ? user + "'s" : unit != null ? unit + "'s" : "root's";
  }

  /** What a look at a pid file found. */
  public sealed interface Lookup permits Found, Missing, Stale, Refused {}

  /** The service's process. */
  public record Found(ProcTable.Proc proc) implements Lookup {}

  /** No pid file, or its process has ended (a zombie counts as ended). */
  public record Missing(String why) implements Lookup {}

  /**
   * The process started after the pid file was written: the service's process has ended and another
   * one reuses its pid.
   *
   * @param line the refusal to signal it: which pid, whose and why
   * @param why the same in a few words for a probe: {@code pid 4242 of /run/app.pid was reused}
   */
  public record Stale(String line, String why) implements Lookup {}

  /** The pid file or its process may not be used; {@code line} says which pid, whose and why. */
  public record Refused(String line) implements Lookup {}

  /** The service's process named in the pid file at {@code hostPath} (under the host root). */
  public Lookup fromPidFile(String hostPath) {
    Optional<String> noUser = unknownUser();
    if (noUser.isPresent()) {
      return new Refused(noUser.get());
    }
    Path file = root.resolve(hostPath);
    PidFile.Read read;
    try {
      read = PidFile.read(file);
    } catch (NoSuchFileException e) {
      return new Missing("no pid file " + hostPath);
    } catch (IOException e) {
      return new Refused(PidFile.words(file, e));
    }
    if (rootRun() || uid.map(Owners::trusted).orElse(false)) {
      // a pid file naming root's processes is root's word only if nobody else could write it
      Optional<String> untrusted = untrustedByRoot(file, read.stat());
      if (untrusted.isPresent()) {
        return new Refused(untrusted.get());
      }
    }
    long pid = read.pid();
    Optional<ProcTable.Proc> found = table.get(pid);
    if (found.isEmpty() || found.get().zombie()) {
      return new Missing("pid " + pid + " is gone");
    }
    ProcTable.Proc proc = found.get();
    String of = "refusing pid " + pid + " from " + hostPath + " (" + proc.ownerWords() + "): ";
    Optional<Instant> started = table.started(proc);
    if (started.isEmpty()) {
      return new Refused(of + "cannot tell when it started (no btime in /proc/stat)");
    }
    if (started.get().isAfter(read.written().plus(PidFile.SLACK))) {
      return new Stale(
          of
              + "it started at "
              + started.get()
              + ", after the pid file was written at "
              + read.written().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
              + ", so the pid was reused and the pid file is stale",
          "pid " + pid + " of " + hostPath + " was reused by a process started after the pid file");
    }
    Optional<String> foreign = notOurs(proc);
    if (foreign.isPresent()) {
      return new Refused(of + foreign.get());
    }
    return new Found(proc);
  }

  /**
   * The running processes named {@code name} (as {@code comm} or {@code argv[0]}'s file name) that
   * belong to the service: the account's or the unit's; for a root-run service, every one when
   * {@code rootOnly} is false (measuring), only root's when it is true (killing).
   */
  public List<ProcTable.Proc> named(String name, boolean rootOnly) throws IOException {
    Optional<String> noUser = unknownUser();
    if (noUser.isPresent()) {
      throw new IOException(noUser.get());
    }
    long self = ProcessHandle.current().pid();
    List<ProcTable.Proc> found = new ArrayList<>();
    for (long pid : table.pids()) {
      if (pid == self || !table.named(pid, name)) {
        continue;
      }
      Optional<ProcTable.Proc> p = table.get(pid);
      if (p.isEmpty() || p.get().zombie()) {
        continue;
      }
      boolean ours;
      if (rootRun()) {
        ours =
            !rootOnly
                || !p.get().uids().isEmpty() && p.get().uids().stream().allMatch(Owners::trusted);
      } else {
        ours = notOurs(p.get()).isEmpty();
      }
      if (ours) {
        found.add(p.get());
      }
    }
    return found;
  }

  /**
   * Whether a process below one of the service's may be signalled with it: it belongs to the
   * service by the same rule (for a root-run service, whatever it runs as: root chose the service
   * and its children are its own).
   */
  public boolean mayFollow(ProcTable.Proc child) {
    return rootRun() || notOurs(child).isEmpty();
  }

  /** Why a process is not the service's, or empty when it is. */
  private Optional<String> notOurs(ProcTable.Proc p) {
    if (uid.isPresent() && !p.runsOnlyAs(uid.get())) {
      return Optional.of(
          "it runs as " + p.ownerWords() + ", not as " + user + ", the service's user");
    }
    if (unit != null) {
      Optional<List<String>> groups = table.cgroups(p.pid());
      if (groups.isEmpty()) {
        return Optional.of("its control group cannot be read, so it cannot be tied to " + unit);
      }
      boolean inUnit = groups.get().stream().anyMatch(g -> List.of(g.split("/")).contains(unit));
      if (!inUnit) {
        return Optional.of(
            "it is not in "
                + unit
                + "'s control group (it is in "
                + String.join(", ", groups.get().stream().distinct().toList())
                + ")");
      }
    }
    return Optional.empty();
  }

  private Optional<String> unknownUser() {
    if (user != null && uid.isEmpty()) {
      return Optional.of(
          "refusing to look for " + user + "'s processes: there is no account " + user);
    }
    return Optional.empty();
  }

  /**
   * A root-run service's pid file is root's word only when root owns it, nobody else can write it
   * and nobody else can change its folder.
   */
  private static Optional<String> untrustedByRoot(Path file, FileStat stat) {
    String fix =
        "; set service.user to the account that runs the service, or keep the pid file root's in a"
            + " folder only root can write";
    if (!Owners.trusted(stat.uid())) {
      return Optional.of(
          "refusing pid file "
              + file
              + ": it belongs to "
              + Owners.name(stat.uid())
              + " and the service runs as root"
              + fix);
    }
    if (stat.writableByOthers()) {
      return Optional.of(
          "refusing pid file "
              + file
              + ": others can write it (mode "
              + String.format("%04o", stat.mode())
              + ")"
              + fix);
    }
    try {
      FolderTrust.Verdict folder = FolderTrust.of(file.toAbsolutePath().getParent());
      if (!(folder instanceof FolderTrust.Trusted)) {
        return Optional.of("refusing pid file " + file + ": " + folder.words() + fix);
      }
    } catch (IOException e) {
      return Optional.of(
          "refusing pid file " + file + ": cannot check its folder: " + e.getMessage());
    }
    return Optional.empty();
  }
}
