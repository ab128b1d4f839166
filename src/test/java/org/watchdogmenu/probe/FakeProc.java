package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A hand-made {@code /proc} under a test root. */
final class FakeProc {
  private final Path proc;

  /** Creates the root's own {@code proc} folder, so probes read it instead of the machine's. */
  FakeProc(Path root) {
    this.proc = root.resolve("proc");
    try {
      Files.createDirectories(proc);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A process with a name, an argv, a resident size and a CPU time in ticks. */
  FakeProc process(long pid, String comm, String argv0, long rssKb, long ticks) throws IOException {
    Path dir = proc.resolve(Long.toString(pid));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(dir.resolve("cmdline"), argv0 + "\0--flag\0");
    Files.writeString(
        dir.resolve("status"),
        "Name:\t" + comm + "\nVmPeak:\t  999 kB\nVmRSS:\t  " + rssKb + " kB\n");
    cpu(pid, ticks);
    return this;
  }

  /** Sets the CPU time (utime + stime) of a process, split in two halves. */
  void cpu(long pid, long ticks) throws IOException {
    Files.writeString(
        proc.resolve(pid + "/stat"),
        pid
            + " (odd name) x) S 1 "
            + pid
            + " "
            + pid
            + " 0 -1 4194560 100 0 0 0 "
            + (ticks - ticks / 2)
            + " "
            + ticks / 2
            + " 0 0 20 0 1 0 12345 1000000 250\n");
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
