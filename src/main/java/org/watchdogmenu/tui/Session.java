package org.watchdogmenu.tui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.ApplyResult;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.InstallTools;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.os.CronDaemon;
import org.watchdogmenu.os.Host;

/**
 * What the views work with: the catalog, the engine and the installer the command line uses, and
 * whether this run may change anything (root, or a sandbox {@code --root}).
 */
final class Session {
  private final Host host;
  private Catalog catalog;
  private final Engine engine;
  private final InstallTools installer;
  private final ApplyGate gate;
  private final ServiceWatch services;
  private final List<Run<?>> runs = new CopyOnWriteArrayList<>();
  private ZoneId zone = ZoneId.systemDefault();
  private Optional<String> cronWarning = Optional.empty();
  private Instant cronReadAt;

  /** How often whether cron runs is read again, on the host's clock. */
  private static final Duration CRON_READ_EVERY = Duration.ofSeconds(2);

  Session(Host host, Catalog catalog, ApplyGate gate) {
    this.host = host;
    this.catalog = catalog;
    this.engine = new Engine(host, id -> this.catalog.knownIds().contains(id));
    this.installer = new InstallTools(host);
    this.gate = gate;
    this.services = new ServiceWatch(engine, host.clock());
  }

  /** Whether each target's service runs, asked in the background. */
  ServiceWatch services() {
    return services;
  }

  /** The time zone times are shown in: the system's. */
  ZoneId zone() {
    return zone;
  }

  /** Shows times in another zone (tests pick one). */
  void zone(ZoneId zone) {
    this.zone = zone;
  }

  /** Times as of now on the host's clock, in the shown zone. */
  TimeWords time() {
    return new TimeWords(zone, host.clock().instant());
  }

  /**
   * Starts engine work (a check, a restart) in a thread of its own, under the gate: its screen
   * shows its lines as they come and may be left while it goes on.
   */
  <T> Run<T> start(String name, Run.Work<T> work) {
    runs.removeIf(Run::done);
    Run<T> run = Run.start(name, gate, work);
    runs.add(run);
    return run;
  }

  /** What runs now in the background, e.g. {@code the restart of paqet-server}; empty when none. */
  List<String> running() {
    return runs.stream().filter(r -> !r.done()).map(Run::name).toList();
  }

  /** Waits (at most {@code millis} each) for every run started so far to end. For tests. */
  boolean awaitRuns(long millis) throws InterruptedException {
    for (Run<?> r : runs) {
      if (!r.await(millis)) {
        return false;
      }
    }
    return true;
  }

  Host host() {
    return host;
  }

  Catalog catalog() {
    return catalog;
  }

  /** Reads the targets again, after a change to a target file. */
  private void reloadCatalog() {
    catalog = Catalog.load(host.root());
  }

  Engine engine() {
    return engine;
  }

  InstallTools installer() {
    return installer;
  }

  /**
   * Why no schedule will fire (cron does not run, or is not installed), with what to do; empty when
   * cron runs. Read again at most every two seconds.
   */
  Optional<String> cronWarning() {
    Instant now = host.clock().instant();
    if (cronReadAt == null
        || now.isBefore(cronReadAt)
        || Duration.between(cronReadAt, now).compareTo(CRON_READ_EVERY) > 0) {
      cronWarning = CronDaemon.of(host.root()).warning();
      cronReadAt = now;
    }
    return cronWarning;
  }

  /** Why nothing may be changed in this run; empty when it may. */
  Optional<String> readOnlyReason() {
    if (host.root().isSystem() && !"root".equals(host.currentUser())) {
      return Optional.of(
          "Not root: you can look and preview; to change anything run sudo watchdog-menu");
    }
    return Optional.empty();
  }

  /**
   * Applies a plan (a deliberate yes has been given), finishing it even if Ctrl-C comes, then reads
   * the targets again: the plan may have written a target file.
   */
  ApplyResult apply(Plan plan) {
    Optional<String> why = readOnlyReason();
    if (why.isPresent()) {
      throw new InstallException(why.get());
    }
    ApplyResult result = gate.run(() -> installer.applier().apply(plan, new Applier.Options(true)));
    reloadCatalog();
    return result;
  }

  /** Runs engine work that prints lines, under the gate, and returns what it printed. */
  List<String> capture(EngineWork work) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    try {
      gate.run(() -> work.run(out));
    } catch (RuntimeException e) {
      out.println("Failed: " + e.getMessage());
    }
    out.flush();
    List<String> lines = new ArrayList<>(List.of(text.toString().split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Engine work that writes its lines to {@code out}. */
  interface EngineWork {
    void run(PrintWriter out) throws Exception;
  }
}
