package org.watchdogmenu.install;

import java.nio.file.Files;
import java.util.Optional;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * The install package's tools for one host, wired to the same records (manifest, backups, install
 * lock): a {@link Planner} to make plans, an {@link Applier} to apply them, a {@link Doctor} and a
 * {@link ScheduleReader}, and what the manifest says is installed. It installs nothing itself; the
 * CLI and the menu start here.
 *
 * <pre>
 * InstallTools tools = new InstallTools(host);
 * Plan plan = tools.planner().enable(target, Feature.HEALTH, Schedule.parse("5m"));
 * out.print(plan.preview());                                    // --dry-run stops here
 * tools.applier().apply(plan, new Applier.Options(false));
 * </pre>
 */
public final class InstallTools {
  /** The continuous monitor's system service, e.g. for {@code systemctl enable --now}. */
  public static final String MONITOR_UNIT = InstallPaths.MONITOR_UNIT;

  private final Host host;
  private final HostRoot records;

  public InstallTools(Host host) {
    this(host, host.root());
  }

  /**
   * An installer that writes files under the host's root but keeps its own records (the manifest,
   * the backups and the install lock of {@code /var/lib/watchdog-menu}) under {@code records}. The
   * tests that write into the real /etc use it, so that they never read or change the manifest of a
   * watchdog-menu installed on the machine, and undo only what they wrote.
   */
  InstallTools(Host host, HostRoot records) {
    this.host = host;
    this.records = records;
  }

  public Planner planner() {
    return new Planner(host, records);
  }

  public Applier applier() {
    return new Applier(host, records, path -> {}, Applier.LOCK_WAIT);
  }

  public Doctor doctor() {
    return new Doctor(host, records, Doctor.CronCheck.of(host.root()));
  }

  public ScheduleReader reader() {
    return new ScheduleReader(host.root());
  }

  /**
   * Whether watchdog-menu has installed the files of a feature (and they were not removed since),
   * e.g. {@link FeatureKey#restartPolicy}, {@link FeatureKey#userUnit}: the key its renderer wrote.
   */
  public boolean installed(FeatureKey feature) {
    return !new ManifestStore(records).load().installedFor(feature).isEmpty();
  }

  /**
   * The last change on record, which {@code undo} takes back, as its command line without the
   * program and {@code --root}, e.g. {@code units --restart-policy paqet-client.service}; empty
   * when there is none.
   */
  public Optional<String> lastChange() {
    return new ManifestStore(records)
        .load()
        .last()
        .map(a -> a.title().replaceFirst("^watchdog-menu (--root \\S+ )?", ""));
  }

  /** Whether the continuous monitor's system service is installed (its unit file exists). */
  public boolean monitorUnitInstalled() {
    return Files.exists(host.root().resolve(InstallPaths.MONITOR_UNIT_FILE));
  }

  /** Whether linger is on for the user ({@code /var/lib/systemd/linger/USER} exists). */
  public boolean lingerEnabled(String user) {
    return Linger.isEnabled(host.root(), user);
  }
}
