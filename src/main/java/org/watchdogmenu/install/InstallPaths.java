package org.watchdogmenu.install;

/** Where the installer puts things, as host paths (resolved under the root). */
final class InstallPaths {
  /**
   * The launcher that cron files, units and sudo rules call: the one that started this JVM when it
   * names itself in {@code -Dwatchdogmenu.launcher} (the Debian package's {@code
   * /usr/bin/watchdog-menu}), else the one install.sh writes.
   */
  static final String BIN = launcher(System.getProperty("watchdogmenu.launcher"));

  static final String DEFAULT_BIN = "/usr/local/bin/watchdog-menu";
  static final String CRON_DIR = "/etc/cron.d/";
  static final String SUDOERS_DIR = "/etc/sudoers.d/";
  static final String SYSTEMD_DIR = "/etc/systemd/system/";
  static final String LOGROTATE = "/etc/logrotate.d/watchdog-menu";
  static final String LINGER_DIR = "/var/lib/systemd/linger/";
  static final String STATE_DIR = "/var/lib/watchdog-menu";
  static final String MANIFEST = STATE_DIR + "/manifest.json";
  static final String LOCK = STATE_DIR + "/install.lock";
  static final String JOURNAL = STATE_DIR + "/journal.json";
  static final String BACKUPS = STATE_DIR + "/backups";
  static final String MONITOR_UNIT = "watchdog-menu-monitor.service";
  static final String MONITOR_UNIT_FILE = SYSTEMD_DIR + MONITOR_UNIT;
  static final String ALERT_UNIT = "watchdog-menu-alert@.service";
  static final String DROP_IN = "watchdog-menu.conf";
  static final String SYSTEMD_RUNNING = "/run/systemd/system";

  private InstallPaths() {}

  /** The launcher's path when it is a plain absolute path, else {@link #DEFAULT_BIN}. */
  static String launcher(String property) {
    if (property != null
        && property.matches("/[A-Za-z0-9._+/-]+")
        && !property.contains("/../")
        && !property.contains("/./")) {
      return property;
    }
    return DEFAULT_BIN;
  }
}
