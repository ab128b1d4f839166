package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.YamlFile;

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
    Path temp = null;
    try {
      temp = Files.createTempFile("monitor", ".yaml");
      Files.write(temp, file.content());
      MonitorList list = YamlFile.read(temp, MonitorList.class).orElse(MonitorList.EMPTY);
      return list.targets().stream()
          .filter(id -> !Target.isValidId(id))
          .map(id -> file.path() + ": '" + id + "' is not a target name")
          .toList();
    } catch (ConfigException e) {
      return List.of(file.path() + ": " + e.getMessage());
    } catch (IOException e) {
      return List.of(file.path() + ": cannot be checked: " + e.getMessage());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a temp file left behind does no harm
        }
      }
    }
  }
}
