package org.watchdogmenu.install;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Renders systemd files: a user service, a restart-policy drop-in, the alert and monitor units. */
final class UnitRenderer {
  private UnitRenderer() {}

  static String userUnitPath(UserUnitRequest r, String home) {
    return home + "/.config/systemd/user/" + r.name();
  }

  static FileWrite userUnit(UserUnitRequest r, String home, String group) {
    String text =
        Templates.fill(
            "user.service",
            Map.of(
                "name", r.name(),
                "user", r.user(),
                "description", r.description(),
                "after", String.join(" ", r.after()),
                "wants", String.join(" ", r.wants()),
                "workdir", r.workdir(),
                "exec_start", String.join(" ", r.start()),
                "exec_stop", String.join(" ", r.stop())));
    return new FileWrite(
        userUnitPath(r, home),
        text.getBytes(StandardCharsets.UTF_8),
        FileKind.USER_UNIT,
        "0644",
        r.user(),
        group,
        FeatureKey.userUnit(r.user(), r.name()),
        List.of(),
        false);
  }

  static String dropInPath(String unit) {
    return InstallPaths.SYSTEMD_DIR + unit + ".d/" + InstallPaths.DROP_IN;
  }

  static FileWrite restartPolicy(String unit) {
    String text = Templates.fill("restart-policy.conf", Map.of("unit", unit));
    return FileWrite.of(
        dropInPath(unit), text, FileKind.DROP_IN, "0644", "root", FeatureKey.restartPolicy(unit));
  }

  static FileWrite alert() {
    return FileWrite.of(
        InstallPaths.SYSTEMD_DIR + InstallPaths.ALERT_UNIT,
        Templates.fill("alert.service", Map.of("launcher", InstallPaths.BIN)),
        FileKind.UNIT,
        "0644",
        "root",
        FeatureKey.Single.ALERT_UNIT);
  }

  static FileWrite monitor(String engine) {
    return FileWrite.of(
        InstallPaths.SYSTEMD_DIR + InstallPaths.MONITOR_UNIT,
        Templates.fill("monitor.service", Map.of("exec_start", engine + " monitor")),
        FileKind.UNIT,
        "0644",
        "root",
        FeatureKey.Single.MONITOR_UNIT);
  }
}
