package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.ProgramTrust;
import org.watchdogmenu.metrics.Metrics;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.CronDaemon;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * Re-checks every file the manifest says is installed, with the same real tools as before it was
 * written, and says in words what is wrong: missing, edited by hand, mode or owner changed, or the
 * validator's own complaint. Then reads what decides what root runs the way every run reads it:
 * target files, alerts.yaml, monitor.yaml and metrics.yaml that do not load or are refused (not
 * root's, writable by group or others, in a folder another account can change, a link, a FIFO, too
 * large), and each program a target makes root run that another account can change. {@link
 * #report()} also names each file that passed, and whether the cron daemon runs.
 */
public final class Doctor {
  /** One problem with one installed file. */
  public record Problem(String path, String words) {
    @Override
    public String toString() {
      return path + ": " + words;
    }
  }

  /** What doctor found about one thing it checked: a file, a target, the cron daemon. */
  public record Verdict(String subject, boolean ok, String words) {
    @Override
    public String toString() {
      return subject + ": " + words;
    }
  }

  /**
   * Everything checked, in order, each with its verdict; {@code problems} counts those that are not
   * ok.
   */
  public record Report(List<Verdict> verdicts, int problems) {
    public boolean healthy() {
      return problems == 0;
    }
  }

  /** The subject of the cron daemon's verdict. */
  public static final String CRON = "cron";

  private final Host host;
  private final HostRoot root;
  private final ManifestStore store;
  private final HostRoot records;
  private final Validators validators;
  private final CronCheck cron;

  /** How the cron daemon is found, and whether its absence is a problem here. */
  interface CronCheck {
    CronDaemon daemon();

    /**
     * Whether a cron that does not run is a problem: on the machine's own root, where its schedules
     * are. Under a sandbox {@code --root}, the machine's cron never reads the sandbox's files.
     */
    boolean matters();

    /** The machine's cron, a problem when it does not run on the machine's own root. */
    static CronCheck of(HostRoot root) {
      return new CronCheck() {
        @Override
        public CronDaemon daemon() {
          return CronDaemon.of(root);
        }

        @Override
        public boolean matters() {
          return root.isSystem();
        }
      };
    }
  }

  public Doctor(Host host) {
    this(host, host.root(), CronCheck.of(host.root()));
  }

  /** A doctor that reads the manifest under {@code records} (see {@link InstallTools}). */
  Doctor(Host host, HostRoot records, CronCheck cron) {
    this.host = host;
    this.root = host.root();
    this.store = new ManifestStore(records);
    this.records = records;
    this.validators = new Validators(host);
    this.cron = cron;
  }

  /** Every problem found; empty when everything installed is as it was written. */
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    Map<String, Manifest.Installed> installed = store.load().installed();
    for (Map.Entry<String, Manifest.Installed> e : installed.entrySet()) {
      check(e.getKey(), e.getValue(), problems);
    }
    beyondTheFiles(installed, problems);
    return problems;
  }

  /**
   * What is wrong besides the files themselves: a change that did not finish, schedules whose
   * target no longer loads, and the settings files.
   */
  private void beyondTheFiles(Map<String, Manifest.Installed> installed, List<Problem> problems) {
    if (Files.exists(records.resolve(InstallPaths.JOURNAL))) {
      problems.add(
          new Problem(
              InstallPaths.JOURNAL,
              "a change did not finish (the run was stopped): the next watchdog-menu run that"
                  + " changes files puts back what it had written"));
    }
    Catalog catalog = Catalog.load(root);
    schedulesWithoutTarget(installed, catalog, problems);
    settings(catalog, problems);
  }

  /**
   * Every file checked with its verdict (ok, or each problem in the words of {@link #check()}), and
   * first the cron daemon: whether it runs, so that the schedules fire.
   */
  public Report report() {
    List<Verdict> verdicts = new ArrayList<>();
    int problems = 0;
    CronDaemon daemon = cron.daemon();
    if (daemon.running()) {
      verdicts.add(new Verdict(CRON, true, "ok, " + daemon.words()));
    } else if (cron.matters()) {
      verdicts.add(new Verdict(CRON, false, daemon.words()));
      problems++;
    } else {
      verdicts.add(
          new Verdict(
              CRON,
              true,
              daemon.words()
                  + " (not counted: the machine's cron does not run the schedules under --root)"));
    }
    Map<String, Manifest.Installed> installed = store.load().installed();
    for (Map.Entry<String, Manifest.Installed> e : installed.entrySet()) {
      List<Problem> found = new ArrayList<>();
      check(e.getKey(), e.getValue(), found);
      if (found.isEmpty()) {
        verdicts.add(
            new Verdict(
                e.getKey(), true, "ok, as written; " + passes(e.getValue().change().kind())));
      }
      for (Problem p : found) {
        verdicts.add(new Verdict(p.path(), false, p.words()));
        problems++;
      }
    }
    if (installed.isEmpty()) {
      verdicts.add(
          new Verdict(
              InstallPaths.MANIFEST, true, "no file installed by watchdog-menu is on record"));
    }
    List<Problem> found = new ArrayList<>();
    beyondTheFiles(installed, found);
    for (String file : settingsFiles()) {
      if (found.stream().noneMatch(p -> p.path().equals(file))) {
        verdicts.add(new Verdict(file, true, "ok, loads and only root can change it"));
      }
    }
    for (Problem p : found) {
      verdicts.add(new Verdict(p.path(), false, p.words()));
      problems++;
    }
    return new Report(verdicts, problems);
  }

  /** The validator a file of this kind passed, in words. */
  private static String passes(FileKind kind) {
    switch (kind) {
      case CRON:
        return "passes cron's rules";
      case SUDOERS:
        return "passes visudo -c";
      case UNIT:
      case USER_UNIT:
      case DROP_IN:
        return "passes systemd-analyze verify";
      case LOGROTATE:
        return "passes logrotate -d";
      case TARGET:
        return "loads with the other targets";
      case MONITOR_LIST:
      case ALERTS:
        return "loads";
      default:
        return "in place";
    }
  }

  /** The settings files there are: site target files, alerts.yaml, monitor.yaml, metrics.yaml. */
  private List<String> settingsFiles() {
    List<String> files = new ArrayList<>();
    Path dir = root.resolve(Catalog.SITE_DIR);
    if (Files.isDirectory(dir)) {
      try (var all = Files.list(dir)) {
        all.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".yaml"))
            .sorted()
            .forEach(n -> files.add(Catalog.SITE_DIR + "/" + n));
      } catch (IOException e) {
        // the catalog names a folder it cannot read
      }
    }
    for (String f : List.of(AlertsEdit.PATH, MonitorList.FILE, Metrics.FILE)) {
      if (Files.exists(root.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        files.add(f);
      }
    }
    return files;
  }

  /**
   * A cron file of ours whose target no longer loads (its file broken, refused or deleted) runs
   * every time and fails every time: named, with the way out.
   */
  private static void schedulesWithoutTarget(
      Map<String, Manifest.Installed> installed, Catalog catalog, List<Problem> problems) {
    for (Map.Entry<String, Manifest.Installed> e : installed.entrySet()) {
      Manifest.Change c = e.getValue().change();
      Optional<FeatureKey.Scheduled> schedule =
          c.featureKey().flatMap(FeatureKey::schedule).filter(s -> c.kind() == FileKind.CRON);
      if (schedule.isEmpty()) {
        continue;
      }
      String id = schedule.get().target();
      try {
        catalog.target(id);
      } catch (CatalogException ex) {
        problems.add(
            new Problem(
                e.getKey(),
                "its target "
                    + id
                    + " does not load, so every run of this job fails ("
                    + ex.getMessage()
                    + "): fix the target file, or 'watchdog-menu disable "
                    + id
                    + " --all'"));
      }
    }
  }

  /** The files that decide what root runs, and the programs their targets make root run. */
  private void settings(Catalog catalog, List<Problem> problems) {
    for (org.watchdogmenu.catalog.Problem p : catalog.problems()) {
      String m = p.message();
      String words = m.startsWith(p.file() + " ") ? m.substring(p.file().length() + 1) : m;
      problems.add(new Problem(p.file(), "does not load: " + words));
    }
    try {
      Alerts.load(host);
    } catch (ConfigException e) {
      problems.add(new Problem(AlertsEdit.PATH, "not used, alerts are off: " + e.getMessage()));
    }
    try {
      MonitorList.read(root);
    } catch (ConfigException e) {
      problems.add(
          new Problem(
              MonitorList.FILE,
              "not used, the monitor keeps its last good list: " + e.getMessage()));
    }
    try {
      Metrics.load(host);
    } catch (ConfigException e) {
      problems.add(new Problem(Metrics.FILE, "not used, metrics are off: " + e.getMessage()));
    }
    for (Target t : catalog.targets()) {
      for (String w : ProgramTrust.warnings(t, root)) {
        problems.add(new Problem("target " + t.id(), "warning: " + w));
      }
    }
  }

  private void check(String hostPath, Manifest.Installed installed, List<Problem> problems) {
    Manifest.Change c = installed.change();
    Path p = root.resolve(hostPath);
    Optional<FileMeta> now;
    try {
      now = FileMeta.read(p);
    } catch (IOException e) {
      problems.add(new Problem(hostPath, "cannot be read: " + e.getMessage()));
      return;
    }
    if (now.isEmpty()) {
      problems.add(
          new Problem(
              hostPath,
              "missing: watchdog-menu installed it (apply "
                  + installed.applyId()
                  + ") but it is gone; enable the feature again, or undo"));
      return;
    }
    FileMeta m = now.get();
    if (!m.sha256().equals(c.sha256())) {
      problems.add(
          new Problem(
              hostPath,
              "edited by hand since apply "
                  + installed.applyId()
                  + ": it differs from what watchdog-menu wrote"));
    }
    if (!m.mode().equals(c.mode())) {
      problems.add(
          new Problem(hostPath, "mode changed: it is " + m.mode() + ", should be " + c.mode()));
    }
    if (!m.owner().equals(c.owner()) || !m.group().equals(c.group())) {
      problems.add(
          new Problem(
              hostPath,
              "owner changed: it is "
                  + m.owner()
                  + ":"
                  + m.group()
                  + ", should be "
                  + c.owner()
                  + ":"
                  + c.group()));
    }
    try {
      FileWrite current =
          new FileWrite(
              hostPath,
              Files.readAllBytes(p),
              c.kind(),
              m.mode(),
              m.owner(),
              m.group(),
              c.featureKey().orElse(new FeatureKey.Other("")),
              c.logs(),
              false);
      for (String v : validators.check(current)) {
        String words = v.startsWith(hostPath + ": ") ? v.substring(hostPath.length() + 2) : v;
        problems.add(new Problem(hostPath, "fails validation: " + words));
      }
    } catch (IOException e) {
      problems.add(new Problem(hostPath, "cannot be read: " + e.getMessage()));
    }
  }
}
