package org.watchdogmenu.install;

import java.nio.file.Files;
import org.watchdogmenu.os.HostRoot;

/**
 * Whether a user's processes may run without a login session. systemd keeps this as the file {@code
 * /var/lib/systemd/linger/USER}, which is read here instead of asking loginctl (which needs a
 * running systemd).
 */
public final class Linger {
  private Linger() {}

  public static boolean isEnabled(HostRoot root, String user) {
    Names.user("linger user", user);
    return Files.exists(root.resolve(path(user)));
  }

  static String path(String user) {
    return InstallPaths.LINGER_DIR + user;
  }

  /** Whether systemd runs as the init system of the root ({@code /run/systemd/system}). */
  static boolean systemdRunning(HostRoot root) {
    return Files.isDirectory(root.resolve(InstallPaths.SYSTEMD_RUNNING));
  }
}
