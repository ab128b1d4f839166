package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.alert.AlertsEdit;

/**
 * alerts.yaml, read back by the alert loader itself (strict keys, web addresses, timeouts), and
 * 0600 root: its webhook addresses are secrets and its commands run as root.
 */
final class AlertsValidator implements Validator {
  @Override
  public List<String> check(FileWrite file) {
    if (!"0600".equals(file.mode()) || !"root".equals(file.owner())) {
      return List.of(file.path() + ": must be mode 0600 owned by root");
    }
    return AlertsEdit.problems(file.content());
  }
}
