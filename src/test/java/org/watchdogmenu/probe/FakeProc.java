package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A hand-made {@code /proc} under a test root: processes with a name, an argv, an owner, a start
 * time, a state, a control group, a resident size and a CPU time, and the boot time in {@code
 * /proc/stat}.
 */
public final class FakeProc {
  /** The fake machine's boot, {@code btime} of its {@code /proc/stat}. */
  public static final Instant BOOT = Instant.parse("2025-02-14T00:00:00Z");

  /** When a process made by {@link #process} started: {@value #START_TICKS} ticks after boot. */
  public static final long START_TICKS = 12345;

  private final Path proc;
  private final Map<Long, Facts> facts = new HashMap<>();

  private static final class Facts {
    String comm;
    String status;
    int uid;
    char state = 'S';
    long startTicks = START_TICKS;
    long ticks;
  }

  /** Creates the root's own {@code proc} folder, so probes read it instead of the machine's. */
  public FakeProc(Path root) {
    this.proc = root.resolve("proc");
    try {
      Files.createDirectories(proc);
      Files.writeString(
          proc.resolve("stat"),
          "cpu  1 2 3 4\nintr 0\nctxt 0\nbtime " + BOOT.getEpochSecond() + "\nprocesses 9\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A process of root with a name, an argv, a resident size and a CPU time in ticks. */
  public FakeProc process(long pid, String comm, String argv0, long rssKb, long ticks)
      throws IOException {
    Path dir = proc.resolve(Long.toString(pid));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(dir.resolve("cmdline"), argv0 + "\0--flag\0");
    Files.writeString(dir.resolve("cgroup"), "0::/\n");
    Facts f = new Facts();
    f.comm = comm;
    f.status = "VmPeak:\t  999 kB\nVmRSS:\t  " + rssKb + " kB\n";
    f.ticks = ticks;
    facts.put(pid, f);
    write(pid);
    return this;
  }

  /** Sets who the process runs as (every uid). */
  public FakeProc owner(long pid, int uid) throws IOException {
    facts.get(pid).uid = uid;
    write(pid);
    return this;
  }

  /** Sets when the process started (to the clock tick). */
  public FakeProc started(long pid, Instant at) throws IOException {
    facts.get(pid).startTicks = (at.toEpochMilli() - BOOT.toEpochMilli()) / 10;
    write(pid);
    return this;
  }

  /** Makes the process a zombie. */
  public FakeProc zombie(long pid) throws IOException {
    facts.get(pid).state = 'Z';
    write(pid);
    return this;
  }

  /** Sets the process's control group (cgroup v2). */
  public FakeProc cgroup(long pid, String path) throws IOException {
    Files.writeString(proc.resolve(pid + "/cgroup"), "0::" + path + "\n");
    return this;
  }

  /** Sets the CPU time (utime + stime) of a process, split in two halves. */
  public void cpu(long pid, long ticks) throws IOException {
    facts.get(pid).ticks = ticks;
    write(pid);
  }

  private void write(long pid) throws IOException {
    Facts f = facts.get(pid);
    Path dir = proc.resolve(Long.toString(pid));
    Files.writeString(
        dir.resolve("status"),
        "Name:\t"
            + f.comm
            + "\nState:\t"
            + f.state
            + "\nUid:\t"
            + (f.uid + "\t").repeat(3)
            + f.uid
            + "\nGid:\t0\t0\t0\t0\n"
            + f.status);
    Files.writeString(
        dir.resolve("stat"),
        pid
            + " (odd name) x) "
            + f.state
            + " 1 "
            + pid
            + " "
            + pid
            + " 0 -1 4194560 100 0 0 0 "
            + (f.ticks - f.ticks / 2)
            + " "
            + f.ticks / 2
            + " 0 0 20 0 1 0 "
            + f.startTicks
            + " 1000000 250\n");
  }

  void tcp(String table, String... rows) throws IOException {
    Path net = proc.resolve("net");
    Files.createDirectories(net);
    StringBuilder sb =
        new StringBuilder(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                + "  timeout inode\n");
    for (String row : rows) {
      sb.append(row).append('\n');
    }
    Files.writeString(net.resolve(table), sb.toString());
  }

  /** A row of /proc/net/tcp{,6}: local address and port in the kernel's hex, and the state. */
  static String row(int n, String localHex, int port, int state) {
    return String.format(
        "%4d: %s:%04X %s:0000 %02X 00000000:00000000 00:00000000 00000000     0        0 1%d",
        n, localHex, port, "0".repeat(localHex.length()), state, n);
  }
}
