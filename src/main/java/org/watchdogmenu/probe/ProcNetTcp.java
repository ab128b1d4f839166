package org.watchdogmenu.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.os.HostRoot;

/**
 * The kernel's table of TCP sockets, read from {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * (the machine's, or a fake one under the host root in tests) without starting {@code ss} or {@code
 * netstat}.
 */
final class ProcNetTcp {
  static final int LISTEN = 0x0A;
  static final int CLOSE_WAIT = 0x08;

  private static final String[] FILES = {"/proc/net/tcp", "/proc/net/tcp6"};

  private ProcNetTcp() {}

  /** One socket: its local address and port and its state (e.g. {@link #LISTEN}). */
  record Socket(InetAddress local, int localPort, int state) {}

  /**
   * Every TCP socket of both tables. A missing tcp6 table (IPv6 off) is fine.
   *
   * @throws IOException when neither table can be read
   */
  static List<Socket> read(HostRoot root) throws IOException {
    if (!root.resolveProc(FILES[0]).equals(Path.of(FILES[0]))) {
      return readTables(root); // a fake table under a test root: read every time
    }
    synchronized (ProcNetTcp.class) {
      Taken last = lastTaken;
      long now = System.nanoTime();
      if (last != null && now - last.atNanos() < SHARED_FOR.toNanos()) {
        return last.sockets();
      }
      List<Socket> sockets = List.copyOf(readTables(root));
      lastTaken = new Taken(now, sockets);
      return sockets;
    }
  }

  /**
   * How long one reading of the machine's tables serves every probe of this process: the kernel
   * walks its whole connection hash table for each read, milliseconds on a large machine, and the
   * monitor checks many targets in the same second. Probes asking at the same time wait for one
   * reading instead of making their own.
   */
  static final Duration SHARED_FOR = Duration.ofMillis(250);

  private record Taken(long atNanos, List<Socket> sockets) {}

  private static Taken lastTaken;

  private static List<Socket> readTables(HostRoot root) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    int tables = 0;
    for (String file : FILES) {
      Path path = root.resolveProc(file);
      try {
        parse(Files.readAllLines(path), sockets);
        tables++;
      } catch (NoSuchFileException e) {
        // IPv6 may be disabled; only both tables missing is a problem
      }
    }
    if (tables == 0) {
      throw new IOException("cannot read " + root.resolveProc(FILES[0]) + " (no /proc here?)");
    }
    return sockets;
  }

  private static void parse(List<String> lines, List<Socket> into) throws IOException {
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4) {
        continue;
      }
      String[] local = f[1].split(":");
      into.add(
          new Socket(
              address(local[0]), Integer.parseInt(local[1], 16), Integer.parseInt(f[3], 16)));
    }
  }

  /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = (word * 4 + b) * 2;
        bytes[word * 4 + 3 - b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
