package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.watchdogmenu.os.HostRoot;

/**
 * Facts about processes read from {@code /proc} (the machine's, or a fake one under the host root
 * in tests): which run, by pid or name, and their resident memory and CPU time. A process that ends
 * while it is read counts as absent.
 */
final class LinuxProcesses {
  /** Clock ticks per second of {@code /proc/PID/stat} times (USER_HZ, 100 on every Linux port). */
  static final int TICKS_PER_SECOND = 100;

  /** Linux cuts {@code /proc/PID/comm} to 15 characters. */
  private static final int COMM_LENGTH = 15;

  private final HostRoot root;

  LinuxProcesses(HostRoot root) {
    this.root = root;
  }

  boolean running(long pid) {
    return Files.isDirectory(proc(pid));
  }

  /**
   * The pids whose name ({@code comm}, or the file name of {@code argv[0]}) is {@code name}, in
   * ascending order.
   */
  List<Long> named(String name) throws IOException {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(root.resolveProc("/proc"))) {
      for (Path dir : all) {
        String file = dir.getFileName().toString();
        if (file.matches("\\d+") && hasName(dir, name)) {
          pids.add(Long.parseLong(file));
        }
      }
    }
    pids.sort(null);
    return pids;
  }

  private static boolean hasName(Path dir, String name) {
    String comm = read(dir.resolve("comm")).strip();
    String shortName = name.length() > COMM_LENGTH ? name.substring(0, COMM_LENGTH) : name;
    if (!comm.isEmpty() && comm.equals(shortName)) {
      return true;
    }
    String cmdline = read(dir.resolve("cmdline"));
    int end = cmdline.indexOf('\0');
    String argv0 = end >= 0 ? cmdline.substring(0, end) : cmdline;
    return !argv0.isEmpty() && argv0.substring(argv0.lastIndexOf('/') + 1).equals(name);
  }

  /** Resident memory ({@code VmRSS}), empty when the process is gone or has none. */
  OptionalLong rssBytes(long pid) {
    for (String line : read(proc(pid).resolve("status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] f = line.substring(6).trim().split("\\s+");
        return OptionalLong.of(Long.parseLong(f[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }

  /** User plus system CPU time in clock ticks, empty when the process is gone. */
  OptionalLong cpuTicks(long pid) {
    String stat = read(proc(pid).resolve("stat"));
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] f = stat.substring(close + 1).trim().split("\\s+");
    if (f.length < 13) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
  }

  private Path proc(long pid) {
    return root.resolveProc("/proc/" + pid);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
