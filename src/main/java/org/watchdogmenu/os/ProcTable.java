package org.watchdogmenu.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the kernel says of processes, read from {@code /proc} (the machine's, or a fake one under
 * the host root in tests, see {@link HostRoot#resolveProc}): which pids exist, who a process runs
 * as, when it started, its state, name and control groups. Every read is capped, never follows a
 * link and treats a process that ends while it is read as gone.
 */
public final class ProcTable {
  /** Clock ticks per second of {@code /proc/PID/stat} times (USER_HZ, 100 on every Linux port). */
  public static final int TICKS_PER_SECOND = 100;

  /** The most read of one {@code /proc} file (a command line can be as long as ARG_MAX). */
  static final int READ_CAP = 64 * 1024;

  /** Linux cuts {@code /proc/PID/comm} to 15 characters. */
  private static final int COMM_LENGTH = 15;

  private final HostRoot root;

  public ProcTable(HostRoot root) {
    this.root = root;
  }

  /**
   * One process.
   *
   * @param uids real, effective, saved and file-system uid ({@code Uid:} of {@code status})
   * @param state the state letter of {@code stat} ({@code Z} for a zombie)
   * @param startTicks field 22 of {@code stat}: clock ticks after boot when it started
   */
  public record Proc(long pid, String comm, List<Integer> uids, char state, long startTicks) {
    /** A zombie has ended; only its exit status is left for its parent. */
    public boolean zombie() {
      return state == 'Z' || state == 'X';
    }

    /** Every uid (real, effective, saved, file system) is {@code uid}. */
    public boolean runsOnlyAs(int uid) {
      return !uids.isEmpty() && uids.stream().allMatch(u -> u == uid);
    }

    /** The real uid, or -1 when the kernel did not say. */
    public int uid() {
      return uids.isEmpty() ? -1 : uids.get(0);
    }

    /** Who it runs as, in words: {@code www-data}, or {@code www-data (effective root)}. */
    public String ownerWords() {
      if (uids.isEmpty()) {
        return "an unknown account";
      }
      String real = Owners.name(uids.get(0));
      int effective = uids.size() > 1 ? uids.get(1) : uids.get(0);
      return effective == uids.get(0) ? real : real + " (effective " + Owners.name(effective) + ")";
    }
  }

  /** The pids of every process, ascending. */
  public List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(root.resolveProc("/proc"))) {
      for (Path dir : all) {
        String name = dir.getFileName().toString();
        if (name.matches("\\d{1,10}")) {
          pids.add(Long.parseLong(name));
        }
      }
    }
    pids.sort(null);
    return pids;
  }

  /** The process, or empty when there is none with this pid (or it ended while being read). */
  public Optional<Proc> get(long pid) {
    if (pid <= 0) {
      return Optional.empty();
    }
    Optional<String> stat = read(pid, "stat");
    Optional<String> status = read(pid, "status");
    if (stat.isEmpty() || status.isEmpty()) {
      return Optional.empty();
    }
    String s = stat.get();
    int open = s.indexOf('(');
    int close = s.lastIndexOf(')');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    String[] f = s.substring(close + 1).trim().split("\\s+");
    // after the name: state is field 3 of stat(5), starttime field 22
    if (f.length < 20 || f[0].isEmpty()) {
      return Optional.empty();
    }
    long start;
    try {
      start = Long.parseLong(f[19]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    List<Integer> uids = new ArrayList<>();
    for (String line : status.get().split("\n")) {
      if (line.startsWith("Uid:")) {
        for (String u : line.substring(4).trim().split("\\s+")) {
          if (u.matches("\\d{1,10}")) {
            uids.add((int) Long.parseLong(u));
          }
        }
      }
    }
    String comm = s.substring(open + 1, close);
    return Optional.of(new Proc(pid, comm, List.copyOf(uids), f[0].charAt(0), start));
  }

  /** A process that exists and has not ended (a zombie counts as ended). */
  public boolean alive(long pid) {
    return get(pid).map(p -> !p.zombie()).orElse(false);
  }

  /** The boot time ({@code btime} of {@code /proc/stat}) in epoch seconds. */
  public OptionalLong bootEpochSecond() {
    Optional<String> stat = readFile(root.resolveProc("/proc/stat"));
    if (stat.isPresent()) {
      for (String line : stat.get().split("\n")) {
        if (line.startsWith("btime ")) {
          try {
            return OptionalLong.of(Long.parseLong(line.substring(6).trim()));
          } catch (NumberFormatException e) {
            return OptionalLong.empty();
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * When a process started, to the millisecond, computed as the JDK does for {@link
   * ProcessHandle.Info#startInstant}; empty when the boot time cannot be read.
   */
  public Optional<Instant> started(Proc p) {
    OptionalLong boot = bootEpochSecond();
    if (boot.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Instant.ofEpochMilli(boot.getAsLong() * 1000 + p.startTicks() * 1000 / TICKS_PER_SECOND));
  }

  /**
   * The control group paths of a process, one per hierarchy ({@code /system.slice/nginx.service});
   * empty when it is gone.
   */
  public Optional<List<String>> cgroups(long pid) {
    Optional<String> text = read(pid, "cgroup");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> paths = new ArrayList<>();
    for (String line : text.get().split("\n")) {
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second > 0) {
        paths.add(line.substring(second + 1));
      }
    }
    return Optional.of(List.copyOf(paths));
  }

  /**
   * Whether the process's name ({@code comm}, or the file name of {@code argv[0]}) is {@code name}.
   */
  public boolean named(long pid, String name) {
    String comm = read(pid, "comm").orElse("").strip();
    String shortName = name.length() > COMM_LENGTH ? name.substring(0, COMM_LENGTH) : name;
    if (!comm.isEmpty() && comm.equals(shortName)) {
      return true;
    }
    String cmdline = read(pid, "cmdline").orElse("");
    int end = cmdline.indexOf('\0');
    String argv0 = end >= 0 ? cmdline.substring(0, end) : cmdline;
    return !argv0.isEmpty() && argv0.substring(argv0.lastIndexOf('/') + 1).equals(name);
  }

  /** A file of {@code /proc/PID/}, at most {@link #READ_CAP} bytes; empty when gone. */
  public Optional<String> read(long pid, String file) {
    return readFile(root.resolveProc("/proc/" + pid + "/" + file));
  }

  private static Optional<String> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new String(in.readNBytes(READ_CAP), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
