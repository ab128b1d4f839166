package org.watchdogmenu.install;

import org.watchdogmenu.alert.AlertSecrets;

/** What a generated file is, which decides the real tool that validates it. */
public enum FileKind {
  /** A file in /etc/cron.d: checked against cron's own rules. */
  CRON,
  /** A file in /etc/sudoers.d: {@code visudo -cf}, mode 0440, owner root, name without a dot. */
  SUDOERS,
  /** A system unit: {@code systemd-analyze verify} with nothing on stderr. */
  UNIT,
  /** A user's unit under ~/.config/systemd/user: {@code systemd-analyze --user verify}. */
  USER_UNIT,
  /** A drop-in in NAME.service.d/: verified together with its unit. */
  DROP_IN,
  /** /etc/logrotate.d/watchdog-menu: {@code logrotate -d} without {@code error:}. */
  LOGROTATE,
  /** An empty /var/lib/systemd/linger/USER file (linger without a running systemd). */
  LINGER,
  /** /etc/watchdog-menu/monitor.yaml: read back by the monitor's own strict reader. */
  MONITOR_LIST,
  /** A site target file in /etc/watchdog-menu/targets: read back by the catalog with the others. */
  TARGET,
  /**
   * /etc/watchdog-menu/alerts.yaml: read back by the alert loader itself, mode 0600 root; it holds
   * secrets, so previews show it masked.
   */
  ALERTS;

  /** The text as a preview shows it: alerts.yaml with its secrets masked, others as they are. */
  String shown(String text) {
    return this == ALERTS ? AlertSecrets.file(text) : text;
  }
}
