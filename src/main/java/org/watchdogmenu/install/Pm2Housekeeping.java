package org.watchdogmenu.install;

/**
 * The PM2 high-availability guide's PM2 housekeeping for one user: resurrect at boot, hourly {@code
 * pm2 save}, daily deletion of application logs older than 7 days, and a disk-usage warning every
 * 30 minutes.
 *
 * @param user whose pm2 (the cron user field)
 * @param home that user's home, for {@code pm2 startup -u USER --hp HOME}
 * @param pm2 the pm2 program: {@code pm2} (found on cron's PATH) or an absolute path
 * @param logDir the application's log folder whose old {@code *.log} files are deleted
 * @param log where the jobs' output is appended
 * @param diskMaxPercent warn above this use of / (seed: 80)
 */
public record Pm2Housekeeping(
    String user, String home, String pm2, String logDir, String log, int diskMaxPercent) {

  public Pm2Housekeeping {
    Names.user("pm2 user", user);
    Names.path("home of " + user, home);
    if (pm2 == null) {
      pm2 = "pm2";
    } else if (!pm2.equals("pm2")) {
      Names.path("pm2 program", pm2);
    }
    Names.path("pm2 log folder", logDir);
    Names.path("pm2 housekeeping log", log);
    if (diskMaxPercent < 1 || diskMaxPercent > 99) {
      throw new InstallException(
          "disk warning threshold " + diskMaxPercent + " is not allowed: write 1 to 99 (percent)");
    }
  }

  /**
   * The PM2 high-availability guide's values for a user and app folder: logs in APP/logs, output in
   * APP/.runtime/logs.
   *
   * @throws InstallException when the app folder is empty, relative or the root folder: the jobs
   *     would run {@code find /logs ... -delete} and log to {@code /.runtime}
   */
  public static Pm2Housekeeping seed002(String user, String home, String appDir) {
    String app = appDir(appDir);
    return new Pm2Housekeeping(
        user, home, "pm2", app + "/logs", app + "/.runtime/logs/cron.log", 80);
  }

  /** The app folder as an absolute path without a trailing {@code /}; never {@code /} itself. */
  static String appDir(String dir) {
    String example = ", e.g. /home/ubuntu/app";
    if (dir == null || dir.isBlank()) {
      throw new InstallException(
          "the app folder (--app-dir) is empty: name the app's folder" + example);
    }
    if (!dir.startsWith("/")) {
      throw new InstallException(
          "the app folder (--app-dir) "
              + Names.shown(dir)
              + " is not an absolute path: write it from /"
              + example);
    }
    String trimmed = dir.replaceFirst("/+$", "");
    if (trimmed.isEmpty()) {
      throw new InstallException(
          "the app folder (--app-dir) is the root folder /: name the app's own folder" + example);
    }
    return Names.path("the app folder (--app-dir)", trimmed);
  }

  /** The folder the jobs' output goes to; each job creates it (as the user) before it writes. */
  String logFolder() {
    int slash = log.lastIndexOf('/');
    return slash == 0 ? "/" : log.substring(0, slash);
  }

  /** {@code /etc/cron.d/pm2-housekeeping-USER} (a dot in the user name becomes {@code _}). */
  String path() {
    return InstallPaths.CRON_DIR + "pm2-housekeeping-" + user.replace('.', '_');
  }
}
