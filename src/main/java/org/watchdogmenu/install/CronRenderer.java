package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.FolderTrust;
import org.watchdogmenu.os.HostRoot;

/**
 * Renders cron.d files: a target's health check or scheduled restart, and PM2 housekeeping. Job
 * lines call the engine with stdout discarded (the engine writes its own log) and stderr appended
 * to the target's log, so a JVM that cannot start leaves its error where operators look. A schedule
 * of times of day that cron cannot write in one line gets one job line per line of {@link
 * Schedule#cronLines}.
 */
final class CronRenderer {
  private final HostRoot root;

  CronRenderer(HostRoot root) {
    this.root = root;
  }

  /** {@code /etc/cron.d/{system}-{health|restart}-{service}}. */
  static String path(Target target, Feature feature) {
    Names.system("system of target " + target.id(), target.system());
    return InstallPaths.CRON_DIR + target.system() + "-" + feature.key() + "-" + service(target);
  }

  static FeatureKey feature(Target target, Feature feature) {
    return FeatureKey.scheduled(target.id(), feature);
  }

  private static Optional<String> bare(String unit) {
    return Optional.ofNullable(unit).map(u -> u.replaceFirst("\\.service$", ""));
  }

  /**
   * The service part of the file name: the unit without {@code .service}, the pm2 app, the
   * container, or the target id; characters cron does not accept in a name become {@code _}.
   */
  static String service(Target target) {
    Optional<String> named =
        target.service() == null
            ? Optional.empty()
            : target
                .service()
                .match(
                    new ServiceSpec.Cases<Optional<String>>() {
                      @Override
                      public Optional<String> systemd(SystemdService s) {
                        return bare(s.unit());
                      }

                      @Override
                      public Optional<String> systemdUser(SystemdUserService s) {
                        return bare(s.unit());
                      }

                      @Override
                      public Optional<String> pm2(Pm2Service s) {
                        return Optional.ofNullable(s.app());
                      }

                      @Override
                      public Optional<String> docker(DockerService s) {
                        return Optional.ofNullable(s.container());
                      }

                      @Override
                      public Optional<String> command(CommandService s) {
                        return Optional.empty(); // named after the target
                      }
                    });
    String name = named.filter(n -> !n.isBlank()).orElse(target.id());
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  FileWrite render(Target target, Feature feature, Schedule schedule) {
    if (!Target.isValidId(target.id())) {
      throw Names.bad("target id", target.id(), "write lower-case letters, digits and -");
    }
    String log = feature == Feature.HEALTH ? target.paths().healthLog() : target.paths().cronLog();
    Names.path((feature == Feature.HEALTH ? "health_log" : "cron_log") + " of " + target.id(), log);
    String realLog = Names.path("log path under --root", root.resolve(log).toString());
    String args =
        feature == Feature.HEALTH
            ? "check " + target.id()
            : "restart " + target.id() + " --source cron";
    String errors = startErrorsLog(realLog);
    String command = escapePercent(engine() + " " + args + " >/dev/null 2>>" + errors);
    StringBuilder jobs = new StringBuilder();
    for (String time : schedule.cronLines()) {
      if (jobs.length() > 0) {
        jobs.append('\n');
      }
      jobs.append(time).append(" root ").append(command);
    }
    String text =
        Templates.fill(
            feature.key() + ".cron",
            Map.of(
                "target", target.id(),
                "words", schedule.words(),
                "log", realLog,
                "errors_note",
                    errors.equals(realLog)
                        ? "start-up errors are appended there too"
                        : "start-up errors go to "
                            + errors
                            + " (another account can change the log's folder)",
                "jobs", jobs.toString()));
    return FileWrite.of(
            path(target, feature), text, FileKind.CRON, "0644", "root", feature(target, feature))
        .withLogs(errors.equals(realLog) ? List.of(realLog) : List.of(realLog, errors));
  }

  /**
   * Where cron's shell appends what the engine prints on stderr before its own log works (a JVM
   * that cannot start): the target's log when its folder is root's alone, else the tool's own
   * {@link #START_ERRORS} log, because root's shell follows any link another account plants in its
   * own folder.
   */
  private String startErrorsLog(String realLog) {
    try {
      Path dir = Path.of(realLog).getParent();
      if (FolderTrust.of(dir) instanceof FolderTrust.Trusted) {
        return realLog;
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the tool's own log
    }
    return root.resolve(START_ERRORS).toString();
  }

  /** The start-up errors of cron runs whose own log is in a folder another account can change. */
  static final String START_ERRORS = "/var/log/watchdog-menu.log";

  FileWrite pm2(Pm2Housekeeping r) {
    String text =
        Templates.fill(
            "pm2-housekeeping.cron",
            Map.of(
                "user", r.user(),
                "pm2", r.pm2(),
                "log", r.log(),
                "log_folder", r.logFolder(),
                "log_dir", r.logDir(),
                "disk_max", String.valueOf(r.diskMaxPercent())));
    return FileWrite.of(
        r.path(), text, FileKind.CRON, "0644", "root", FeatureKey.pm2Housekeeping(r.user()));
  }

  /** The engine as cron calls it, with {@code --root} when the tool works on a sandbox. */
  String engine() {
    if (root.isSystem()) {
      return InstallPaths.BIN;
    }
    return InstallPaths.BIN + " --root " + Names.path("--root", root.dir().toString());
  }

  /** Cron turns an unescaped {@code %} into a newline: escape each one. */
  static String escapePercent(String command) {
    return command.replace("%", "\\%");
  }
}
