package org.watchdogmenu.os;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Whether the cron daemon runs, so that a schedule in /etc/cron.d will fire: its pid file ({@code
 * /run/crond.pid}, a live process named cron) or else a process named {@code cron} or {@code crond}
 * in {@code /proc}. Processes are the machine's, also under {@code --root} (through {@link
 * HostRoot#resolveProc}, so a test can fake them). When it does not run, whether it is installed: a
 * {@code cron} or {@code crond} program on PATH or in /usr/sbin.
 */
public record CronDaemon(State state, long pid, boolean systemd) {
  /** What was found. */
  public enum State {
    RUNNING,
    NOT_RUNNING,
    NOT_INSTALLED
  }

  private static final Set<String> NAMES = Set.of("cron", "crond");
  private static final List<String> PID_FILES = List.of("/run/crond.pid", "/var/run/crond.pid");
  private static final String SYSTEMD_RUNNING = "/run/systemd/system";

  /** The cron daemon of the machine this root stands for, with programs looked up on PATH. */
  public static CronDaemon of(HostRoot root) {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.add(Path.of("/usr/sbin"));
    dirs.add(Path.of("/sbin"));
    return of(root, dirs);
  }

  /** As {@link #of(HostRoot)}, with the folders where the program is looked for. */
  public static CronDaemon of(HostRoot root, List<Path> programDirs) {
    boolean systemd = Files.isDirectory(root.resolve(SYSTEMD_RUNNING));
    OptionalLong pid = fromPidFile(root);
    if (pid.isEmpty()) {
      pid = fromProc(root);
    }
    if (pid.isPresent()) {
      return new CronDaemon(State.RUNNING, pid.getAsLong(), systemd);
    }
    for (Path dir : programDirs) {
      for (String name : NAMES) {
        if (Files.isExecutable(dir.resolve(name)) && Files.isRegularFile(dir.resolve(name))) {
          return new CronDaemon(State.NOT_RUNNING, 0, systemd);
        }
      }
    }
    return new CronDaemon(State.NOT_INSTALLED, 0, systemd);
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  /**
   * Why no schedule will fire, with what to do, in one line; empty when cron runs. E.g. {@code cron
   * is not running: no schedule will fire; start it with systemctl start cron}.
   */
  public Optional<String> warning() {
    switch (state) {
      case NOT_RUNNING:
        return Optional.of(
            "cron is not running: no schedule will fire; start it with "
                + (systemd ? "systemctl start cron" : "service cron start"));
      case NOT_INSTALLED:
        return Optional.of("cron is not installed: no schedule will fire; apt-get install cron");
      default:
        return Optional.empty();
    }
  }

  /** What was found, in words: {@code running (pid 812)}, or the warning. */
  public String words() {
    return running() ? "running (pid " + pid + ")" : warning().orElseThrow();
  }

  private static OptionalLong fromPidFile(HostRoot root) {
    for (String file : PID_FILES) {
      try {
        String text = SafeRead.untrustedText(root.resolve(file), 64).strip();
        long pid = Long.parseLong(text);
        if (pid > 0 && isCron(root, pid)) {
          return OptionalLong.of(pid);
        }
      } catch (IOException | NumberFormatException e) {
        // no pid file, or not one of a live cron: look in /proc
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong fromProc(HostRoot root) {
    try (DirectoryStream<Path> all = Files.newDirectoryStream(root.resolveProc("/proc"))) {
      long found = Long.MAX_VALUE;
      for (Path dir : all) {
        String name = dir.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && isCron(root, Long.parseLong(name))) {
          found = Math.min(found, Long.parseLong(name));
        }
      }
      return found == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean isCron(HostRoot root, long pid) {
    try {
      Path comm = root.resolveProc("/proc/" + pid + "/comm");
      String name = new String(Files.readAllBytes(comm), StandardCharsets.UTF_8).strip();
      return NAMES.contains(name) && !zombie(root, pid);
    } catch (IOException e) {
      return false;
    }
  }

  /** A killed daemon whose parent does not reap it stays as a zombie: it runs no schedule. */
  private static boolean zombie(HostRoot root, long pid) {
    try {
      String stat =
          new String(
              Files.readAllBytes(root.resolveProc("/proc/" + pid + "/stat")),
              StandardCharsets.UTF_8);
      int close = stat.lastIndexOf(')');
      return close >= 0 && stat.substring(close + 1).strip().startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }
}
