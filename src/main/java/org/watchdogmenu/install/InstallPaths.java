package org.watchdogmenu.install;

/** Where the installer puts things, as host paths (resolved under the root). */
final class InstallPaths {
  static final String BIN = "/usr/local/bin/watchdog-menu";
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
}
