package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;

/**
 * The monitor's target list, read back the way the monitor reads it: it must parse, name only valid
 * target ids, and be 0644 root.
 */
final class MonitorListValidator implements Validator {
  @Override
  public List<String> check(FileWrite file) {
    if (!"0644".equals(file.mode()) || !"root".equals(file.owner())) {
      return List.of(file.path() + ": must be mode 0644 owned by root");
    }
    try {
      MonitorList list = MonitorList.parse(file.text());
      return list.targets().stream()
          .filter(id -> !Target.isValidId(id))
          .map(id -> file.path() + ": '" + id + "' is not a target name")
          .toList();
    } catch (ConfigException e) {
      String m = e.getMessage();
      return List.of(m.startsWith(file.path() + " ") ? m : file.path() + ": " + m);
    }
  }
}
