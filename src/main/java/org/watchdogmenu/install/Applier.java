package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.LockFile;
import org.watchdogmenu.os.Programs;
import org.watchdogmenu.os.UserFiles;

/**
 * Carries out a {@link Plan}, under one lock so two runs never edit at once:
 *
 * <ol>
 *   <li>validate every new file with the real tool; any problem and nothing is written;
 *   <li>copy each file it replaces or removes to {@code backups/<apply-id>/<path>};
 *   <li>record the intent ({@link Journal}): what each file will hold and what it held before;
 *   <li>write every new file as a dot-named temp file beside its target, mode and owner set;
 *   <li>rename each over its target (a crash before a rename leaves the old file whole);
 *   <li>record the apply in the manifest, end the journal, then run the plan's commands.
 * </ol>
 *
 * <p>A run stopped anywhere between the journal and the manifest is put back by the next run that
 * takes the install lock, so files and manifest always agree.
 */
public final class Applier {
  static final Duration LOCK_WAIT = Duration.ofSeconds(10);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final DateTimeFormatter ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** How to apply: {@code confirmed} is the operator's deliberate yes to a plan that needs one. */
  public record Options(boolean confirmed) {}

  /** Runs just before each rename; tests use it to simulate a crash there. */
  interface BeforeRename {
    void run(String hostPath) throws IOException;
  }

  private final Host host;
  private final HostRoot root;
  private final HostRoot records;
  private final Validators validators;
  private final ManifestStore store;
  private final Backups backups;
  private final Journal journal;
  private final BeforeRename beforeRename;
  private final FileSwap swap;
  private final Duration lockWait;

  public Applier(Host host) {
    this(host, host.root(), path -> {}, LOCK_WAIT);
  }

  Applier(Host host, BeforeRename beforeRename, Duration lockWait) {
    this(host, host.root(), beforeRename, lockWait);
  }

  /**
   * @param records where the manifest, the backups and the install lock live (see {@link
   *     InstallTools})
   */
  Applier(Host host, HostRoot records, BeforeRename beforeRename, Duration lockWait) {
    this.host = host;
    this.root = host.root();
    this.records = records;
    this.validators = new Validators(host);
    this.store = new ManifestStore(records);
    this.backups = new Backups(root, records);
    this.journal = new Journal(root, records);
    this.beforeRename = beforeRename;
    this.swap = new FileSwap(root, records, new UserFiles(host.runner()), beforeRename);
    this.lockWait = lockWait;
  }

  /**
   * Applies the plan, taking the install lock for it (waiting at most 10 s). The plan must have
   * been made from the installed files as they are: the menu, where a person confirmed a preview,
   * gets an error to make the plan again when another run changed them meanwhile.
   *
   * @throws InstallException when it needs confirmation, a file fails validation, another run holds
   *     the lock, or the installed files changed since the plan was made (in all these nothing is
   *     written); or when a write fails (what was written is put back from the backups)
   */
  public ApplyResult apply(Plan plan, Options options) {
    if (plan.confirmation().isPresent() && !options.confirmed()) {
      throw new InstallException(
          "not applied, it needs a deliberate yes: " + plan.confirmation().get());
    }
    if (plan.isEmpty() && plan.mode() == Plan.Mode.APPLY) {
      return new ApplyResult(null, List.of("nothing to change"), true);
    }
    validate(plan);
    try (Locked locked = lock(lockWait, path -> {})) {
      if (!locked.recovered.isEmpty()) {
        // the plan was made from files an earlier, unfinished run had changed
        throw new InstallException(
            String.join("; ", locked.recovered)
                + ". Nothing else was changed: make the plan again");
      }
      return locked.apply(plan, options);
    }
  }

  /**
   * Takes the install lock for a command that makes its plan under it and then applies it, so runs
   * at the same time queue instead of refusing each other's plans.
   *
   * @param wait how long to wait for another run to finish
   * @param waiting called once with the lock's path when another run holds it, before waiting
   * @throws InstallException when another run kept the lock for the whole wait, or the lock file
   *     cannot be made or opened (its cause kept, e.g. {@link java.nio.file.AccessDeniedException})
   */
  public Locked lock(Duration wait, Consumer<String> waiting) {
    Path file = records.resolve(InstallPaths.LOCK);
    try {
      Optional<LockFile.Held> held = LockFile.acquire(file, Duration.ZERO, host.clock());
      if (held.isEmpty()) {
        waiting.accept(InstallPaths.LOCK);
        held = LockFile.acquire(file, wait, host.clock());
      }
      if (held.isEmpty()) {
        throw new InstallException(
            "another watchdog-menu run is changing files (it held "
                + InstallPaths.LOCK
                + " for "
                + wait.toSeconds()
                + " s): wait for it to finish and try again");
      }
      Locked locked = new Locked(held.get());
      try {
        locked.recovered = recover();
      } catch (RuntimeException e) {
        locked.close();
        throw e;
      }
      return locked;
    } catch (IOException e) {
      throw new InstallException("cannot take " + InstallPaths.LOCK + ": " + e.getMessage(), e);
    }
  }

  /** The install lock, held until closed; plans applied through it are not locked again. */
  public final class Locked implements AutoCloseable {
    private final LockFile.Held held;
    private boolean uninstalled;
    private List<String> recovered = List.of();

    private Locked(LockFile.Held held) {
      this.held = held;
    }

    /**
     * Applies a plan made while this lock is held.
     *
     * @throws InstallException as {@link Applier#apply}
     */
    public ApplyResult apply(Plan plan, Options options) {
      if (plan.confirmation().isPresent() && !options.confirmed()) {
        throw new InstallException(
            "not applied, it needs a deliberate yes: " + plan.confirmation().get());
      }
      ApplyResult result;
      if (plan.isEmpty() && plan.mode() == Plan.Mode.APPLY) {
        result = new ApplyResult(null, List.of("nothing to change"), true);
      } else {
        validate(plan);
        uninstalled |= plan.mode() == Plan.Mode.UNINSTALL;
        result = applyLocked(plan);
      }
      if (recovered.isEmpty()) {
        return result;
      }
      List<String> lines = new ArrayList<>(recovered);
      lines.addAll(result.lines());
      recovered = List.of();
      return new ApplyResult(result.applyId(), lines, result.commandsOk());
    }

    /** What taking the lock did to finish a change an earlier run left half done (usually none). */
    public List<String> recovered() {
      return recovered;
    }

    /**
     * Releases the lock; after an uninstall the state folder goes too, if nothing else is in it.
     */
    @Override
    public void close() {
      held.close();
      if (uninstalled) {
        removeStateFolder();
      }
    }
  }

  private ApplyResult applyLocked(Plan plan) {
    if (!store.basis().equals(plan.basis())) {
      throw new InstallException(
          "the installed files changed since this plan was made: make the plan again");
    }
    checkPlaces(plan);
    Manifest manifest = store.load();
    boolean reversing = plan.mode() != Plan.Mode.APPLY;
    String id = reversing ? null : newId(manifest);
    Map<String, Manifest.Before> before = reversing ? Map.of() : backups.save(plan, id);
    Manifest.Apply intent =
        reversing
            ? null
            : new Manifest.Apply(
                id,
                host.clock().instant().toString(),
                plan.commandLine(),
                changes(plan, before),
                plan.commands());
    if (intent != null) {
      try {
        journal.begin(intent);
      } catch (IOException e) {
        dropBackups(id);
        throw new InstallException(
            "nothing was written: "
                + InstallPaths.JOURNAL
                + " could not be written: "
                + e.getMessage());
      }
    }
    List<String> lines = new ArrayList<>();
    boolean ok = !splitsCommands(plan) || runCommands(plan, lines, false);
    try {
      lines.addAll(swap.apply(plan, before, () -> dropBackups(id)));
    } catch (InstallException e) {
      if (intent != null) {
        settle(intent);
      }
      throw e;
    }
    try {
      record(plan, manifest, intent);
    } catch (IOException e) {
      if (intent == null) {
        throw new InstallException(
            "the files are in place but "
                + InstallPaths.MANIFEST
                + " could not be written: "
                + e.getMessage());
      }
      boolean back = settle(intent);
      throw new InstallException(
          InstallPaths.MANIFEST
              + " could not be written ("
              + e.getMessage()
              + "): "
              + (back
                  ? "nothing was changed, the files were put back as they were"
                  : "the files could not all be put back yet; the next watchdog-menu run that"
                      + " changes files finishes it"));
    }
    endJournal();
    ok &= runCommands(plan, lines, true);
    return new ApplyResult(id, lines, ok);
  }

  /**
   * After a failed apply: puts back whatever of it is still in place, and ends its journal.
   *
   * @return false when something could not be put back (the journal stays for the next run)
   */
  private boolean settle(Manifest.Apply intent) {
    try {
      journal.rollBack(intent, swap::putBack);
      journal.removeTempFiles(intent);
      dropBackups(intent.id());
      journal.end();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void endJournal() {
    try {
      journal.end();
    } catch (IOException e) {
      // the manifest has the apply: the next run sees that and only deletes the journal
    }
  }

  /**
   * Converges after a run that was killed (or failed) between its first file and its manifest: an
   * apply the manifest has is complete; any other is rolled back. Runs under the install lock.
   *
   * @return one line saying what was done, or none when there was nothing to finish
   */
  private List<String> recover() {
    Optional<Manifest.Apply> pending = journal.pending();
    if (pending.isEmpty()) {
      return List.of();
    }
    Manifest.Apply intent = pending.get();
    boolean recorded = store.load().applies().stream().anyMatch(a -> a.id().equals(intent.id()));
    try {
      journal.removeTempFiles(intent);
      if (recorded) {
        journal.end();
        return List.of();
      }
      List<String> back = journal.rollBack(intent, swap::putBack);
      dropBackups(intent.id());
      journal.end();
      return List.of(
          "an earlier run stopped before it finished ("
              + intent.title()
              + "): "
              + (back.isEmpty()
                  ? "nothing of it was in place"
                  : "put back " + String.join(", ", back)));
    } catch (IOException e) {
      throw new InstallException(
          "an earlier run stopped before it finished ("
              + intent.title()
              + ") and it cannot be put back: "
              + e.getMessage()
              + "; its backups are under "
              + InstallPaths.BACKUPS
              + "/"
              + intent.id());
    }
  }

  private void validate(Plan plan) {
    List<String> problems = new ArrayList<>();
    for (FileWrite w : plan.writes()) {
      if (!w.restore()) {
        problems.addAll(validators.check(w));
      }
    }
    fail(problems);
  }

  /** Only regular files are replaced or removed: a folder or symlink in the way is a problem. */
  private void checkPlaces(Plan plan) {
    List<String> problems = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    plan.writes().forEach(w -> paths.add(w.path()));
    plan.removals().forEach(r -> paths.add(r.path()));
    for (String hostPath : paths) {
      Path p = root.resolve(hostPath);
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(hostPath + ": is a folder or a symlink, not a file: move it away first");
      }
    }
    fail(problems);
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InstallException(
          "nothing was written, "
              + problems.size()
              + " problem(s):\n  "
              + String.join("\n  ", problems));
    }
  }

  private void record(Plan plan, Manifest manifest, Manifest.Apply intent) throws IOException {
    switch (plan.mode()) {
      case APPLY:
        if (intent.changes().isEmpty() && plan.commands().isEmpty()) {
          dropBackups(intent.id());
          return;
        }
        beforeRename.run(InstallPaths.MANIFEST);
        store.save(manifest.plus(intent));
        return;
      case UNDO:
        String undone = manifest.last().map(Manifest.Apply::id).orElseThrow();
        store.save(manifest.withoutLast());
        dropBackups(undone);
        return;
      default:
        store.delete();
        backups.dropAll();
    }
  }

  private static List<Manifest.Change> changes(Plan plan, Map<String, Manifest.Before> before) {
    List<Manifest.Change> changes = new ArrayList<>();
    for (FileWrite w : plan.writes()) {
      Manifest.Before b = before.get(w.path());
      changes.add(w.restore() ? Manifest.Change.restored(w, b) : Manifest.Change.written(w, b));
    }
    for (FileRemoval r : plan.removals()) {
      changes.add(Manifest.Change.removed(r, before.get(r.path())));
    }
    return changes;
  }

  /**
   * Runs the plan's commands. An apply that only writes runs them all after its files. Undo,
   * uninstall and an apply that removes files run what turns something off ({@code disable}, {@code
   * disable-linger}) before the files go, while the units still exist, and the rest ({@code
   * daemon-reload}, an {@code enable} that undo brings back) after.
   *
   * @param afterFiles which of the two batches this is
   */
  private boolean runCommands(Plan plan, List<String> lines, boolean afterFiles) {
    boolean ok = true;
    for (PlanCommand c : plan.commands()) {
      if (beforeFiles(plan, c) == afterFiles) {
        continue;
      }
      CommandResult r = host.runner().run(Command.of(COMMAND_TIMEOUT, c.argv()));
      if (r.succeeded()) {
        lines.add("ran     " + c.display());
      } else {
        ok = false;
        lines.add(
            "FAILED  "
                + c.display()
                + ": "
                + (r.programMissing() ? Programs.missing(c.argv().get(0)) : r.summary()));
      }
    }
    return ok;
  }

  /** Whether the plan's commands run in two batches, around its files (see runCommands). */
  private static boolean splitsCommands(Plan plan) {
    return plan.mode() != Plan.Mode.APPLY || !plan.removals().isEmpty();
  }

  /** Whether the command runs before the plan's files change (see runCommands). */
  static boolean beforeFiles(Plan plan, PlanCommand c) {
    return splitsCommands(plan) && c.turnsOff();
  }

  private String newId(Manifest manifest) {
    String base = ID.format(host.clock().instant());
    String id = base;
    for (int n = 2; taken(manifest, id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private boolean taken(Manifest manifest, String id) {
    return manifest.applies().stream().anyMatch(a -> a.id().equals(id)) || backups.exists(id);
  }

  private void dropBackups(String id) {
    if (id != null) {
      backups.drop(id);
    }
  }

  /** After uninstall: the lock file and the state folder go too, if nothing else lives there. */
  private void removeStateFolder() {
    try {
      if (!Files.exists(records.resolve(InstallPaths.MANIFEST))) {
        Files.deleteIfExists(records.resolve(InstallPaths.LOCK));
        Files.deleteIfExists(records.resolve(InstallPaths.STATE_DIR));
      }
    } catch (IOException ignored) {
      // the engine's own files live there too: keep the folder
    }
  }
}
