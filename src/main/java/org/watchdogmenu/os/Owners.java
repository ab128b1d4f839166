package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who this process is and who owns what, by number: the effective uid (read from the owner of
 * {@code /proc/self}), and account names of the machine's {@code /etc/passwd} for messages and for
 * {@code runuser}.
 */
public final class Owners {
  private static final int EUID = readEuid();

  private Owners() {}

  private static int readEuid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | RuntimeException e) {
      return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
  }

  /** The effective uid of this process. */
  public static int euid() {
    return EUID;
  }

  /** Root, or the account this process runs as: the owners root trusts. */
  public static boolean trusted(int uid) {
    return uid == 0 || uid == EUID;
  }

  /** The account name of a uid on this machine, or the number when it has none. */
  public static String name(int uid) {
    return nameOf(uid).orElse(Integer.toString(uid));
  }

  public static Optional<String> nameOf(int uid) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] f = line.split(":", -1);
        if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
          return Optional.of(f[0]);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
