package org.watchdogmenu.alert;

import java.time.Duration;
import java.util.List;

/**
 * The content of alerts.yaml.
 *
 * @param remindEvery while a target stays down, repeat its alert this often; null: no reminders
 */
record AlertsConfig(Duration remindEvery, List<ChannelSpec> channels) {
  static final AlertsConfig NONE = new AlertsConfig(null, List.of());

  AlertsConfig {
    channels = channels == null ? List.of() : List.copyOf(channels);
    if (remindEvery != null && (remindEvery.isZero() || remindEvery.isNegative())) {
      throw new IllegalArgumentException("'remind_every' must be longer than 0, e.g. 1h");
    }
  }

  boolean holdsSecrets() {
    return channels.stream().anyMatch(ChannelSpec::holdsSecrets);
  }
}
