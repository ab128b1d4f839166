package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kills a process and everything it started.
 *
 * <p>Every command the runner starts is the leader of a session of its own ({@code setsid}), and
 * everything it forks stays in that session unless it calls {@code setsid(2)} itself. So at a
 * timeout {@link #killCommand} kills the command, its descendants, and then every process whose
 * session id (field 6 of {@code /proc/PID/stat}) is the command's, over and over until none is
 * left: that also finds a double-forked grandchild, which no longer shows as a descendant once its
 * parent has exited. A process that starts a session of its own escapes (that is how a daemon
 * detaches on purpose); it is killed only while it is still a descendant.
 *
 * <p>A zombie (state Z) counts as dead: it runs nothing, and an init that does not reap orphans
 * keeps it in the table.
 */
public final class ProcessTree {
  /** How long {@link #killCommand} keeps scanning a session for processes forked meanwhile. */
  private static final long SESSION_SCAN_NANOS = 2_000_000_000L;

  private static final Path PROC = Path.of("/proc");

  private ProcessTree() {}

  /**
   * Kills every descendant of {@code root} with SIGKILL, deepest first, twice over so that a child
   * forked during the first pass does not survive.
   */
  public static void killDescendants(ProcessHandle root) {
    for (int pass = 0; pass < 2; pass++) {
      List<ProcessHandle> all = root.descendants().collect(Collectors.toList());
      for (int i = all.size() - 1; i >= 0; i--) {
        all.get(i).destroyForcibly();
      }
    }
  }

  /**
   * Kills {@code root} and everything below it. The root goes first, so a script cannot notice its
   * child dying and go on to its next line; the tree below it is read before that, because once the
   * root is gone its children belong to init and no longer show as its descendants.
   */
  public static void kill(ProcessHandle root) {
    List<ProcessHandle> below = root.descendants().collect(Collectors.toList());
    root.destroyForcibly();
    for (ProcessHandle child : below) {
      killDescendants(child);
      child.destroyForcibly();
    }
  }

  /**
   * Kills a command the runner started (the leader of its own session) with everything it started:
   * its descendants and every process left in its session, double-forked ones included.
   *
   * @return how many processes of the session had to be killed after the descendants walk
   */
  public static int killCommand(ProcessHandle root) {
    OptionalLong own = sessionOf(ProcessHandle.current().pid());
    Set<Long> sessions = new LinkedHashSet<>();
    sessions.add(root.pid());
    List<ProcessHandle> below = root.descendants().collect(Collectors.toList());
    for (ProcessHandle p : below) {
      sessionOf(p.pid()).ifPresent(sessions::add);
    }
    own.ifPresent(sessions::remove);
    sessions.remove(1L);
    kill(root);
    return killSessions(sessions);
  }

  /**
   * SIGKILLs every live member of the sessions until none is left (or two seconds have passed).
   *
   * @return how many kills it took
   */
  static int killSessions(Set<Long> sessions) {
    int killed = 0;
    long self = ProcessHandle.current().pid();
    long end = System.nanoTime() + SESSION_SCAN_NANOS;
    while (true) {
      List<Long> members = liveMembers(sessions);
      members.remove(self);
      members.remove(1L);
      if (members.isEmpty() || System.nanoTime() > end) {
        return killed;
      }
      for (long pid : members) {
        if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
          killed++;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return killed;
      }
    }
  }

  /** Pids of the processes in any of {@code sessions} that are not zombies. */
  static List<Long> liveMembers(Set<Long> sessions) {
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC)) {
      for (Path p : all) {
        String name = p.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        Optional<Stat> s = stat(Long.parseLong(name));
        if (s.isPresent() && s.get().live() && sessions.contains(s.get().session())) {
          found.add(s.get().pid());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // /proc unreadable: the descendants walk is all there is
    }
    return found;
  }

  /** The session id of a process, or empty when it is gone. */
  public static OptionalLong sessionOf(long pid) {
    Optional<Stat> s = stat(pid);
    return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(s.get().session());
  }

  /** The fields of {@code /proc/PID/stat} this class needs. */
  private record Stat(long pid, char state, long session) {
    boolean live() {
      return state != 'Z' && state != 'X' && state != 'x';
    }
  }

  /**
   * Reads {@code /proc/PID/stat}: {@code pid (comm) state ppid pgrp session ...}; the name may hold
   * spaces and parentheses, so the fields are counted from the last ')'. Empty when the process is
   * gone or the line is not as expected.
   */
  private static Optional<Stat> stat(long pid) {
    String text;
    try {
      text = new String(Files.readAllBytes(PROC.resolve(pid + "/stat")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    int close = text.lastIndexOf(')');
    if (close < 0) {
      return Optional.empty();
    }
    String[] f = text.substring(close + 1).trim().split(" ");
    if (f.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Stat(pid, f[0].charAt(0), Long.parseLong(f[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
