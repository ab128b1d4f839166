package org.watchdogmenu.os;

/**
 * A problem with a configuration file, as one line for the operator: the file, the line, the key
 * and what to do, e.g. {@code /etc/watchdog-menu/alerts.yaml line 4: unknown key 'urll'}.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message.replace("\r", "\\r").replace("\n", "\\n"));
  }
}
