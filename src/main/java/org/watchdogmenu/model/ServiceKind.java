package org.watchdogmenu.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a target's service is controlled. */
public enum ServiceKind {
  SYSTEMD("systemd"),
  SYSTEMD_USER("systemd-user"),
  PM2("pm2"),
  DOCKER("docker"),
  COMMAND("command");

  private final String key;

  ServiceKind(String key) {
    this.key = key;
  }

  @JsonValue
  public String key() {
    return key;
  }
}
