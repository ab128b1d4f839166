package org.watchdogmenu.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.YamlFile;

/**
 * Reads {@value #PATH}. The file may hold webhook addresses (secrets) and command lines run as
 * root, so it is read only when root can trust it ({@link org.watchdogmenu.os.SafeRead#owned}:
 * root's, not writable by group or others, in a folder only root can change, not a link, a FIFO or
 * over 1 MiB), and not when it is readable by group or others while it holds a secret.
 */
final class AlertsFile {
  static final String PATH = "/etc/watchdog-menu/alerts.yaml";

  private static final Set<PosixFilePermission> GROUP_OTHER_ANY =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private AlertsFile() {}

  /** The channels, or none when the file does not exist. */
  static AlertsConfig read(HostRoot root) throws ConfigException {
    Path file = root.resolve(PATH);
    AlertsConfig config =
        YamlFile.read(file, AlertsConfig.class, "alerts file").orElse(AlertsConfig.NONE);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      checkMode(file, config.holdsSecrets());
    }
    return config;
  }

  private static void checkMode(Path file, boolean secrets) throws ConfigException {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(file);
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(file + ": cannot read its mode: " + e.getMessage());
    }
    String octal = octal(mode);
    if (secrets && mode.stream().anyMatch(GROUP_OTHER_ANY::contains)) {
      throw new ConfigException(
          file
              + " holds secrets (webhook addresses, env values) but is readable by group or"
              + " others (mode "
              + octal
              + "): run chmod 600 "
              + file);
    }
  }

  private static String octal(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission p : mode) {
      bits |= 1 << (8 - p.ordinal());
    }
    return String.format("0%03o", bits);
  }
}
