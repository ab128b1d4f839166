package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.catalog.ProgramTrust;
import org.watchdogmenu.catalog.TargetFile;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * Builds the {@link Plan} for each installer action from targets and requests; it reads the present
 * (files, manifest) but never writes. Every name and path is checked first: bad input is an {@link
 * InstallException} of one line.
 */
public final class Planner {
  final HostRoot root;
  final ManifestStore store;
  private final CronRenderer cron;
  private final Accounts accounts;

  public Planner(Host host) {
    this(host, host.root());
  }

  /** A planner whose manifest lives under {@code records} (see {@link Installer}). */
  Planner(Host host, HostRoot records) {
    this.root = host.root();
    this.store = new ManifestStore(records);
    this.cron = new CronRenderer(root);
    this.accounts = new Accounts(root);
  }

  /** A health check or scheduled restart of a target on a schedule (and linger when needed). */
  public Plan enable(Target target, Feature feature, Schedule schedule) {
    String option =
        feature == Feature.RESTART && schedule instanceof Schedule.DailyAt
            ? "--restart-at"
            : "--" + feature.key();
    PlanBuilder b = builder("enable " + target.id() + " " + option + " " + schedule.cliText());
    FileWrite file = cron.render(target, feature, schedule);
    b.write(file);
    schedule.note().ifPresent(b::warn);
    ProgramTrust.warnings(target, root).forEach(b::warn);
    FeatureState now = new ScheduleReader(root).read(target, feature);
    Manifest m = store.load();
    if (now.configured() && !m.installed().containsKey(file.path())) {
      // e.g. the old shell scripts' file of the same name, which locks with flock(1)
      b.warn(
          "replaces "
              + file.path()
              + ", which watchdog-menu did not write: it is kept as a backup and comes back with"
              + " undo/disable ("
              + now.words()
              + ")");
    }
    logrotate(b, m);
    Plan plan = b.build();
    String user = target.service() == null ? null : target.service().user();
    boolean runsAsUser =
        target.service() != null
            && (target.service().kind() == ServiceKind.COMMAND
                || target.service().kind() == ServiceKind.SYSTEMD_USER)
            && user != null
            && !user.equals("root");
    return runsAsUser ? withLinger(plan, user) : plan;
  }

  /** Removes the target's cron files of those features, putting back what they replaced. */
  public Plan disable(Target target, Set<Feature> features) {
    return disable(target.id(), features);
  }

  /**
   * The same from the manifest alone, for a target whose file is broken or gone: the manifest
   * records each file's target and feature. A file edited by hand since it was written is removed
   * only with a deliberate yes (its content is kept in the backups, and {@code undo} brings it
   * back).
   */
  public Plan disable(String targetId, Set<Feature> features) {
    List<String> options = new ArrayList<>();
    features.stream().sorted().forEach(f -> options.add("--" + f.key()));
    String which = features.size() == Feature.values().length ? "--all" : String.join(" ", options);
    PlanBuilder b = builder("disable " + targetId + " " + which);
    Manifest m = store.load();
    for (Feature f : features) {
      List<Manifest.Installed> files = m.installedFor(FeatureKey.scheduled(targetId, f));
      if (files.isEmpty()) {
        b.warn(
            "no "
                + f.words()
                + " of "
                + targetId
                + " was installed by watchdog-menu; a file it did not write is left alone");
      }
      putBackOurs(b, files, "disabling");
    }
    logrotate(b, m);
    return b.build();
  }

  /**
   * Whether the manifest has a scheduled health check or restart of this target id, whatever its
   * target file says now.
   */
  public boolean hasSchedules(String targetId) {
    Manifest m = store.load();
    for (Feature f : Feature.values()) {
      if (!m.installedFor(FeatureKey.scheduled(targetId, f)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** How an installed file differs from what was written, or empty when it does not. */
  private Optional<String> editedByHand(Manifest.Installed i) {
    try {
      return FileMeta.read(root.resolve(i.change().path()))
          .filter(now -> !now.sha256().equals(i.change().sha256()))
          .map(now -> "apply " + i.applyId());
    } catch (IOException e) {
      throw new InstallException("cannot read " + i.change().path() + ": " + e.getMessage());
    }
  }

  /**
   * The command lines an operator may type once granted this target in a sudoers file, e.g. {@code
   * sudo watchdog-menu restart camera-platform}: exactly what the rules match, nothing more.
   */
  public List<String> sudoersInvocations(Target target) {
    return SudoersRenderer.invocations(target, cron.engine());
  }

  /**
   * A sudoers.d file for an operator; anything but exact commands with fixed arguments needs a
   * deliberate yes (see {@link SudoGate}).
   */
  public Plan sudoers(SudoersRequest request) {
    return sudoers(request, false);
  }

  /**
   * A sudoers.d file for an operator (an account of the root's /etc/passwd, or a group of its
   * /etc/group); anything but exact commands with fixed arguments needs a deliberate yes.
   *
   * @param keep keep what the file already grants and add the request to it
   */
  public Plan sudoers(SudoersRequest request, boolean keep) {
    String who = request.user();
    if (request.isGroup() && !accounts.groupExists(who.substring(1))) {
      String group = who.substring(1);
      throw new InstallException(
          "group "
              + group
              + " is not in /etc/group: create it first (groupadd "
              + group
              + ") or name an existing group");
    }
    if (!request.isGroup() && !accounts.exists(who)) {
      throw new InstallException(
          "user "
              + who
              + " is not in /etc/passwd: create the account first (useradd "
              + who
              + ") or name an existing one");
    }
    PlanBuilder b = builder(request.cli(keep));
    Set<List<String>> all = new LinkedHashSet<>();
    if (keep) {
      all.addAll(SudoersGrants.current(root, request));
    }
    all.addAll(SudoersRenderer.commands(request, cron.engine()));
    List<List<String>> commands = List.copyOf(all);
    for (List<String> argv : commands) {
      Optional<String> why = SudoGate.needsYes(argv);
      if (why.isEmpty() && !argv.equals(List.of("ALL"))) {
        why =
            SudoGate.changeableBy(root, accounts, argv.get(0))
                .map(
                    changer ->
                        "'"
                            + argv.get(0)
                            + "' can be changed by "
                            + changer
                            + ": whoever changes it runs code as root");
      }
      why.ifPresent(reason -> b.warn(reason).confirm(who + ": " + reason));
      if (why.isEmpty() && argv.stream().anyMatch(a -> a.startsWith("/home/"))) {
        b.warn(
            "'"
                + String.join(" ", argv)
                + "' names a file under /home: check that only root can change it");
      }
    }
    b.write(SudoersRenderer.render(request, commands));
    return b.build();
  }

  /** Lets the user's processes run without a login session; nothing when it already is so. */
  public Plan linger(String user) {
    Names.user("linger user", user);
    PlanBuilder b = builder("linger " + user);
    if (Linger.isEnabled(root, user)) {
      return b.build();
    }
    if (Linger.systemdRunning(root)) {
      b.command(
          new PlanCommand(
              List.of("loginctl", "enable-linger", user),
              "let " + user + "'s services run without a login session",
              List.of("loginctl", "disable-linger", user)));
    } else {
      b.write(
          FileWrite.of(
              Linger.path(user), "", FileKind.LINGER, "0644", "root", FeatureKey.linger(user)));
      b.warn(
          "systemd is not running here: linger is enabled by creating "
              + Linger.path(user)
              + ", which systemd reads at boot");
    }
    return b.build();
  }

  /**
   * Lets the user's processes stop with their last login session again ({@code loginctl
   * disable-linger}, or the linger file removed where systemd does not run); nothing when it is
   * off.
   */
  public Plan lingerOff(String user) {
    Names.user("linger user", user);
    PlanBuilder b = builder("linger " + user + " --off");
    if (!Linger.isEnabled(root, user)) {
      b.warn("linger is already off for " + user);
      return b.build();
    }
    b.warn(
        "services of "
            + user
            + " that run without a login (a user unit, pm2 started at boot) stop with the user's"
            + " last session and no longer start at boot");
    if (Linger.systemdRunning(root)) {
      b.command(
          new PlanCommand(
              List.of("loginctl", "disable-linger", user),
              "stop " + user + "'s services with the user's last session",
              List.of("loginctl", "enable-linger", user)));
      return b.build();
    }
    List<Manifest.Installed> ours = store.load().installedFor(FeatureKey.linger(user));
    if (ours.isEmpty()) {
      b.remove(new FileRemoval(Linger.path(user), FileKind.LINGER, FeatureKey.linger(user)));
    } else {
      ours.forEach(i -> new Reversal(root, store).putBack(b, i));
    }
    return b.build();
  }

  /**
   * A user's systemd service (the camera platform's guide's camera platform) plus the linger it
   * needs.
   */
  public Plan userUnit(UserUnitRequest r) {
    String home = r.home();
    if (home == null) {
      home = home(r.user(), "create the account first or give its home");
      Names.path("home of " + r.user(), home);
    }
    PlanBuilder b = builder("units --user-service " + r.name().replaceFirst("\\.service$", ""));
    b.write(UnitRenderer.userUnit(r, home, accounts.group(r.user())));
    List<String> user = List.of("systemctl", "--user", "--machine=" + r.user() + "@");
    if (Linger.systemdRunning(root)) {
      b.command(new PlanCommand(concat(user, "daemon-reload"), "reload the user's units", null));
      b.command(
          new PlanCommand(
              concat(user, "enable", r.name()),
              "start it at boot",
              concat(user, "disable", r.name())));
    } else {
      b.warn(
          "systemd is not running here: once it runs, enable the unit with "
              + String.join(" ", concat(user, "enable", r.name())));
    }
    return withLinger(b.build(), r.user());
  }

  /**
   * The systemd restart guide's restart policy as a drop-in for a unit, and the alert unit it calls
   * on failure.
   */
  public Plan restartPolicy(String unitName) {
    String unit = Names.unit("unit", unitName);
    PlanBuilder b = builder("units --restart-policy " + unit);
    b.write(UnitRenderer.restartPolicy(unit));
    b.write(UnitRenderer.alert());
    if (!unitInstalled(unit)) {
      b.warn(unit + " is not installed here: the drop-in takes effect once it is");
    }
    if (!b.build().writes().isEmpty()) {
      reload(b); // nothing to reload when the files are as they would be written
    }
    return b.build();
  }

  /**
   * Removes the restart-policy drop-in of a unit that watchdog-menu wrote (putting back what it
   * replaced), and the alert unit with the last drop-in; a file it did not write is left alone.
   */
  public Plan removeRestartPolicy(String unitName) {
    FeatureKey key = FeatureKey.restartPolicy(unitName);
    String unit = ((FeatureKey.RestartPolicy) key).unit();
    PlanBuilder b = builder("units --remove-restart-policy " + unit);
    Manifest m = store.load();
    List<Manifest.Installed> files = m.installedFor(key);
    if (files.isEmpty()) {
      throw new InstallException(
          "no restart-policy drop-in of "
              + unit
              + " was installed by watchdog-menu; a file it did not write is left alone");
    }
    putBackOurs(b, files, "removing it");
    boolean otherDropIns =
        m.installed().values().stream()
            .map(i -> i.change().featureKey())
            .flatMap(Optional::stream)
            .anyMatch(k -> k instanceof FeatureKey.RestartPolicy && !k.equals(key));
    if (!otherDropIns) {
      putBackOurs(b, m.installedFor(FeatureKey.Single.ALERT_UNIT), "removing it");
    }
    reload(b);
    return b.build();
  }

  /**
   * Removes the user service that starts a command target at boot, once it is disabled; a file
   * watchdog-menu did not write is left alone. Linger stays as it is (other services may need it).
   */
  public Plan removeUserUnit(String user, String unitName) {
    FeatureKey key = FeatureKey.userUnit(user, unitName);
    String unit = ((FeatureKey.UserUnit) key).unit();
    PlanBuilder b = builder("units --remove-user-service " + unit.replaceFirst("\\.service$", ""));
    List<Manifest.Installed> files = store.load().installedFor(key);
    if (files.isEmpty()) {
      throw new InstallException(
          "no user service "
              + unit
              + " of "
              + user
              + " was installed by watchdog-menu; a file it did not write is left alone");
    }
    List<String> manager = List.of("systemctl", "--user", "--machine=" + user + "@");
    if (Linger.systemdRunning(root)) {
      b.command(
          new PlanCommand(
              concat(manager, "disable", unit),
              "no longer start it at boot",
              concat(manager, "enable", unit)));
    }
    putBackOurs(b, files, "removing it");
    if (Linger.systemdRunning(root)) {
      b.command(new PlanCommand(concat(manager, "daemon-reload"), "reload the user's units", null));
    }
    return b.build();
  }

  /**
   * Each file put back as it was before watchdog-menu wrote it; changes by hand need a yes, which
   * names what the plan is {@code doing} (e.g. "disabling", "removing it").
   */
  void putBackOurs(PlanBuilder b, List<Manifest.Installed> files, String doing) {
    for (Manifest.Installed i : files) {
      editedByHand(i)
          .ifPresent(
              words ->
                  b.confirm(
                      i.change().path()
                          + " was changed by hand since watchdog-menu wrote it ("
                          + words
                          + "): "
                          + doing
                          + " removes those changes too (undo brings them back)"));
      new Reversal(root, store).putBack(b, i);
    }
  }

  /** The engine's continuous mode as a system service. */
  public Plan monitor() {
    PlanBuilder b = builder("units --monitor");
    b.write(UnitRenderer.monitor(cron.engine()));
    if (!Files.isExecutable(Path.of(InstallPaths.BIN))) {
      b.warn(
          InstallPaths.BIN
              + " is not installed on this machine: the unit is verified with /bin/true in its"
              + " place, and the monitor starts only once the launcher is installed");
    }
    reload(b);
    if (Linger.systemdRunning(root)) {
      b.command(
          new PlanCommand(
              List.of("systemctl", "enable", "--now", InstallPaths.MONITOR_UNIT),
              "start the monitor now and at boot",
              List.of("systemctl", "disable", "--now", InstallPaths.MONITOR_UNIT)));
    } else {
      b.warn(
          "systemd is not running here: once it runs, start the monitor with systemctl enable"
              + " --now "
              + InstallPaths.MONITOR_UNIT);
    }
    return b.build();
  }

  /**
   * Adds the target to the continuous monitor's list, or removes it; the running monitor notices
   * the changed file by itself.
   */
  public Plan monitorTarget(Target target, boolean on) {
    PlanBuilder b = builder((on ? "enable " : "disable ") + target.id() + " --monitor");
    MonitorList now;
    try {
      now = MonitorList.read(root);
    } catch (ConfigException e) {
      throw new InstallException(e.getMessage() + ": fix it or remove it, then run this again");
    }
    if (now.contains(target.id()) == on) {
      b.warn(
          target.id()
              + (on ? " is already monitored" : " is not monitored")
              + " ("
              + MonitorList.FILE
              + ")");
      return b.build();
    }
    b.write(monitorList(on ? now.with(target.id()) : now.without(target.id())));
    if (on && !Files.exists(root.resolve(InstallPaths.MONITOR_UNIT_FILE))) {
      b.warn(
          "the monitor service is not installed: run 'watchdog-menu units --monitor', or run"
              + " 'watchdog-menu monitor' yourself");
    }
    return b.build();
  }

  /**
   * Adds an alert channel to alerts.yaml (0600 root: webhook addresses are secrets), keeping every
   * channel and setting there; the new text is read back by the alert loader before it is planned.
   * The title is the command line with the address masked.
   */
  public Plan alertChannel(NewChannel channel) {
    PlanBuilder b = builder(channel.commandLine());
    try {
      b.write(
          FileWrite.of(
              AlertsEdit.PATH,
              AlertsEdit.withChannel(root, channel),
              FileKind.ALERTS,
              "0600",
              "root",
              FeatureKey.Single.ALERTS));
    } catch (ConfigException e) {
      throw new InstallException(e.getMessage());
    }
    return b.build();
  }

  /**
   * Removes the channel named {@code name} from alerts.yaml, keeping every other channel and
   * setting; the new text is read back by the alert loader before it is planned, and the preview
   * shows it masked.
   */
  public Plan removeAlertChannel(String name) {
    if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
      throw Names.bad("channel name", name, "give a channel's name from " + AlertsEdit.PATH);
    }
    PlanBuilder b = builder("alert remove-channel " + name);
    try {
      b.write(
          FileWrite.of(
              AlertsEdit.PATH,
              AlertsEdit.withoutChannel(root, name),
              FileKind.ALERTS,
              "0600",
              "root",
              FeatureKey.Single.ALERTS));
    } catch (ConfigException e) {
      throw new InstallException(e.getMessage());
    }
    return b.build();
  }

  /**
   * Writes a site target file: the changed settings of a target, or a new target of the operator's
   * own. The file was made and read back by {@link TargetFiles}; the applier reads it back again
   * with the files as they are then.
   */
  public Plan targetFile(TargetFile file) {
    PlanBuilder b = builder(file.command());
    b.write(
        FileWrite.of(
            file.path(),
            file.text(),
            FileKind.TARGET,
            "0644",
            "root",
            FeatureKey.target(file.id())));
    file.notes().forEach(b::warn);
    return b.build();
  }

  static FileWrite monitorList(MonitorList list) {
    return FileWrite.of(
        MonitorList.FILE,
        list.render(),
        FileKind.MONITOR_LIST,
        "0644",
        "root",
        FeatureKey.Single.MONITOR_LIST);
  }

  /**
   * The PM2 high-availability guide's PM2 housekeeping for a user whose home is read from the
   * root's /etc/passwd.
   */
  public Plan pm2Housekeeping(String user, String appDir) {
    Names.user("pm2 user", user);
    Pm2Housekeeping.appDir(appDir);
    String home = home(user, "create it first or name another");
    return pm2Housekeeping(Pm2Housekeeping.seed002(user, home, appDir));
  }

  /**
   * The PM2 high-availability guide's PM2 housekeeping cron file, and {@code pm2 startup} with
   * explicit user and home.
   */
  public Plan pm2Housekeeping(Pm2Housekeeping r) {
    PlanBuilder b =
        builder(
            "units --pm2-housekeeping "
                + r.user()
                + " --app-dir "
                + r.logDir().replaceFirst("/logs$", ""));
    b.write(cron.pm2(r).withLogs(List.of(r.log())));
    List<String> startup = List.of(r.pm2(), "startup", "systemd", "-u", r.user(), "--hp", r.home());
    if (Linger.systemdRunning(root)) {
      List<String> unstartup = new ArrayList<>(startup);
      unstartup.set(1, "unstartup");
      b.command(new PlanCommand(startup, "start pm2 for " + r.user() + " at boot", unstartup));
    } else {
      b.warn(
          "systemd is not running here: once it runs, run "
              + String.join(" ", startup)
              + " (the @reboot line resurrects pm2 meanwhile)");
    }
    logrotate(b, store.load());
    return b.build();
  }

  /** The plan plus what linger for the user needs, if it is not on yet. */
  private Plan withLinger(Plan plan, String user) {
    Plan linger = linger(user);
    return linger.isEmpty() ? plan : plan.plus(linger);
  }

  /** Puts back what the last apply replaced and removes what it created. */
  public Plan undo() {
    return new Reversal(root, store).undo(title("undo"));
  }

  /** Every file of ours removed, every file we replaced put back, the manifest and backups gone. */
  public Plan uninstall() {
    return new Reversal(root, store).uninstall(title("uninstall"));
  }

  /** The user's home from the root's /etc/passwd; a missing user is one line saying what to do. */
  private String home(String user, String whatToDo) {
    return accounts
        .home(user)
        .orElseThrow(
            () -> new InstallException("user " + user + " is not in /etc/passwd: " + whatToDo));
  }

  PlanBuilder builder(String action) {
    return new PlanBuilder(root, title(action), Plan.Mode.APPLY, store.basis());
  }

  String title(String action) {
    return "watchdog-menu " + (root.isSystem() ? "" : "--root " + root.dir() + " ") + action;
  }

  /** Rewrites the logrotate file for the logs of every cron file that stays or comes. */
  void logrotate(PlanBuilder b, Manifest m) {
    SortedSet<String> logs = new TreeSet<>();
    Set<String> touched = b.touched();
    for (Map.Entry<String, Manifest.Installed> e : m.installed().entrySet()) {
      if (!touched.contains(e.getKey())) {
        logs.addAll(e.getValue().change().logs());
      }
    }
    for (FileWrite w : b.writes()) {
      if (!w.restore()) {
        logs.addAll(w.logs());
      }
    }
    Manifest.Installed ours = m.installed().get(InstallPaths.LOGROTATE);
    if (!logs.isEmpty()) {
      b.write(LogrotateRenderer.render(root, logs, b::warn));
    } else if (ours != null) {
      new Reversal(root, store).putBack(b, ours);
    }
  }

  private boolean unitInstalled(String unit) {
    for (String dir :
        List.of("/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/")) {
      if (Files.exists(root.resolve(dir + unit))) {
        return true;
      }
    }
    return false;
  }

  void reload(PlanBuilder b) {
    if (Linger.systemdRunning(root)) {
      List<String> reload = List.of("systemctl", "daemon-reload");
      b.command(new PlanCommand(reload, "make systemd read the changed units", reload));
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
