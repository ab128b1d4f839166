package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.LockFile;

/**
 * Carries out a {@link Plan}, under one lock so two runs never edit at once:
 *
 * <ol>
 *   <li>validate every new file with the real tool; any problem and nothing is written;
 *   <li>copy each file it replaces or removes to {@code backups/<apply-id>/<path>};
 *   <li>write every new file as a dot-named temp file beside its target, mode and owner set;
 *   <li>rename each over its target (a crash before a rename leaves the old file whole);
 *   <li>record the apply in the manifest, then run the plan's commands.
 * </ol>
 */
public final class Applier {
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
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
  private final Validators validators;
  private final ManifestStore store;
  private final BeforeRename beforeRename;
  private final Duration lockWait;

  public Applier(Host host) {
    this(host, path -> {}, LOCK_WAIT);
  }

  Applier(Host host, BeforeRename beforeRename, Duration lockWait) {
    this.host = host;
    this.lockWait = lockWait;
    this.root = host.root();
    this.validators = new Validators(host);
    this.store = new ManifestStore(root);
    this.beforeRename = beforeRename;
  }

  /**
   * Applies the plan.
   *
   * @throws InstallException when it needs confirmation, another run holds the lock, the installed
   *     files changed since the plan was made, or a file fails validation (nothing written), or a
   *     write failed (what was written is rolled back from the backups)
   */
  @SuppressWarnings("try")
  public ApplyResult apply(Plan plan, Options options) {
    if (plan.confirmation() != null && !options.confirmed()) {
      throw new InstallException("not applied, it needs a deliberate yes: " + plan.confirmation());
    }
    validate(plan);
    Optional<LockFile.Held> lock;
    try {
      lock = LockFile.acquire(root.resolve(InstallPaths.LOCK), lockWait, host.clock());
    } catch (IOException e) {
      throw new InstallException("cannot take " + InstallPaths.LOCK + ": " + e.getMessage());
    }
    if (lock.isEmpty()) {
      throw new InstallException(
          "another watchdog-menu run is changing files (it holds "
              + InstallPaths.LOCK
              + "): wait for it to finish and try again");
    }
    try (LockFile.Held held = lock.get()) {
      return applyLocked(plan);
    } finally {
      if (plan.mode() == Plan.Mode.UNINSTALL) {
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
    String id = plan.mode() == Plan.Mode.APPLY ? newId(manifest) : null;
    List<String> lines = new ArrayList<>();
    Map<String, Manifest.Before> before = backUp(plan, id);
    boolean reversing = plan.mode() != Plan.Mode.APPLY;
    boolean ok = !reversing || runCommands(plan, lines, false);
    writeFiles(plan, before, id, lines);
    try {
      record(plan, manifest, id, before);
    } catch (IOException e) {
      throw new InstallException(
          "the files are in place but "
              + InstallPaths.MANIFEST
              + " could not be written: "
              + e.getMessage());
    }
    ok &= runCommands(plan, lines, true);
    return new ApplyResult(id, lines, ok);
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
    for (FileWrite w : plan.writes()) {
      checkPlace(w.path(), problems);
    }
    for (FileRemoval r : plan.removals()) {
      checkPlace(r.path(), problems);
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

  private void checkPlace(String hostPath, List<String> problems) {
    Path p = root.resolve(hostPath);
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(hostPath + ": is a folder or a symlink, not a file: move it away first");
    }
  }

  /** Copies every file the plan replaces or removes; an apply's backups live under its id. */
  private Map<String, Manifest.Before> backUp(Plan plan, String id) {
    Map<String, Manifest.Before> before = new LinkedHashMap<>();
    if (id == null) {
      return before;
    }
    List<String> paths = new ArrayList<>();
    plan.writes().forEach(w -> paths.add(w.path()));
    plan.removals().forEach(r -> paths.add(r.path()));
    try {
      for (String hostPath : paths) {
        Path p = root.resolve(hostPath);
        Optional<FileMeta> meta = FileMeta.read(p);
        if (meta.isPresent()) {
          String backup = InstallPaths.BACKUPS + "/" + id + hostPath;
          Path copy = root.resolve(backup);
          Files.createDirectories(copy.getParent());
          Files.copy(p, copy, StandardCopyOption.COPY_ATTRIBUTES);
          FileMeta m = meta.get();
          before.put(
              hostPath, new Manifest.Before(backup, m.sha256(), m.mode(), m.owner(), m.group()));
        }
      }
    } catch (IOException e) {
      deleteTree(root.resolve(InstallPaths.BACKUPS + "/" + id));
      throw new InstallException("nothing was written: a backup failed: " + e.getMessage());
    }
    return before;
  }

  private void writeFiles(
      Plan plan, Map<String, Manifest.Before> before, String id, List<String> lines) {
    List<AtomicFile.Staged> staged = new ArrayList<>();
    Deque<Path> created = new ArrayDeque<>();
    try {
      for (FileWrite w : plan.writes()) {
        Path target = root.resolve(w.path());
        createParents(target.getParent(), w.owner(), w.group(), created);
        staged.add(
            AtomicFile.stage(
                target, w.content(), FileMeta.permissions(w.mode()), w.owner(), w.group()));
      }
    } catch (IOException | RuntimeException e) {
      staged.forEach(Applier::discard);
      dropBackups(id);
      throw new InstallException(
          "nothing was changed: writing a temp file failed: " + e.getMessage());
    }
    Deque<FileWrite> done = new ArrayDeque<>();
    for (int i = 0; i < staged.size(); i++) {
      FileWrite w = plan.writes().get(i);
      try {
        beforeRename.run(w.path());
        staged.get(i).commit();
        done.push(w);
        lines.add((w.restore() ? "put back " : "wrote   ") + w.path());
      } catch (IOException | RuntimeException e) {
        staged.subList(i, staged.size()).forEach(Applier::discard);
        String rollback = rollBack(done, before);
        removeEmpty(created);
        if (!rollback.startsWith("could not")) {
          dropBackups(id);
        }
        throw new InstallException(
            "writing " + w.path() + " failed (" + e.getMessage() + "); " + rollback);
      }
    }
    for (FileRemoval r : plan.removals()) {
      try {
        Path p = root.resolve(r.path());
        Files.deleteIfExists(p);
        removeEmptyDropInFolder(p.getParent());
        lines.add("removed " + r.path());
      } catch (IOException e) {
        throw new InstallException("removing " + r.path() + " failed: " + e.getMessage());
      }
    }
  }

  /** Puts back, from the backups, the files this apply already renamed into place. */
  private String rollBack(Deque<FileWrite> done, Map<String, Manifest.Before> before) {
    if (done.isEmpty()) {
      return "nothing was changed";
    }
    List<String> failed = new ArrayList<>();
    for (FileWrite w : done) {
      Manifest.Before b = before.get(w.path());
      try {
        if (b == null) {
          Files.deleteIfExists(root.resolve(w.path()));
        } else {
          Path target = root.resolve(w.path());
          try (AtomicFile.Staged s =
              AtomicFile.stage(
                  target,
                  Files.readAllBytes(root.resolve(b.backup())),
                  FileMeta.permissions(b.mode()),
                  b.owner(),
                  b.group())) {
            s.commit();
          }
        }
      } catch (IOException | RuntimeException e) {
        failed.add(w.path());
      }
    }
    return failed.isEmpty()
        ? "the files written before it were put back as they were"
        : "could not put back " + failed + ": their old content is under " + InstallPaths.BACKUPS;
  }

  private void record(Plan plan, Manifest manifest, String id, Map<String, Manifest.Before> before)
      throws IOException {
    switch (plan.mode()) {
      case APPLY:
        List<Manifest.Change> changes = new ArrayList<>();
        for (FileWrite w : plan.writes()) {
          changes.add(
              new Manifest.Change(
                  w.path(),
                  w.restore() ? "restore" : "write",
                  w.kind().name(),
                  w.feature(),
                  FileMeta.sha256(w.content()),
                  w.mode(),
                  w.owner(),
                  w.group(),
                  w.logs(),
                  before.get(w.path())));
        }
        for (FileRemoval r : plan.removals()) {
          changes.add(
              new Manifest.Change(
                  r.path(),
                  "remove",
                  r.kind().name(),
                  r.feature(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  before.get(r.path())));
        }
        if (!changes.isEmpty() || !plan.commands().isEmpty()) {
          String at = host.clock().instant().toString();
          store.save(
              manifest.plus(new Manifest.Apply(id, at, plan.title(), changes, plan.commands())));
        } else {
          dropBackups(id);
        }
        break;
      case UNDO:
        String undone = manifest.last().map(Manifest.Apply::id).orElseThrow();
        store.save(manifest.withoutLast());
        dropBackups(undone);
        break;
      default:
        store.delete();
        deleteTree(root.resolve(InstallPaths.BACKUPS));
        break;
    }
  }

  /**
   * Runs the plan's commands. An apply runs them all after its files. Undo and uninstall run their
   * reversing commands ({@code disable}, {@code disable-linger}) before the files go, while the
   * units still exist, and {@code daemon-reload} after.
   *
   * @param afterFiles which of the two batches this is
   */
  private boolean runCommands(Plan plan, List<String> lines, boolean afterFiles) {
    boolean ok = true;
    for (PlanCommand c : plan.commands()) {
      boolean reload = c.argv().contains("daemon-reload");
      if (plan.mode() != Plan.Mode.APPLY && reload != afterFiles) {
        continue;
      }
      CommandResult r = host.runner().run(Command.of(COMMAND_TIMEOUT, c.argv()));
      if (r.succeeded()) {
        lines.add("ran     " + c.display());
      } else {
        ok = false;
        lines.add("FAILED  " + c.display() + ": " + r.summary());
      }
    }
    return ok;
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
    return manifest.applies().stream().anyMatch(a -> a.id().equals(id))
        || Files.exists(root.resolve(InstallPaths.BACKUPS + "/" + id));
  }

  /** Creates missing folders; below a home they belong to the file's owner, like the file. */
  private static void createParents(Path dir, String owner, String group, Deque<Path> created)
      throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      Files.createDirectory(p);
      created.push(p);
      if (!"root".equals(owner)) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(owner));
        view.setGroup(users.lookupPrincipalByGroupName(group));
      }
    }
  }

  /** Removes folders this apply created, deepest first, when a failure left them empty. */
  private static void removeEmpty(Deque<Path> created) {
    for (Path p : created) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // not empty: something else lives there now
      }
    }
  }

  private static void removeEmptyDropInFolder(Path dir) throws IOException {
    if (dir.getFileName().toString().endsWith(".service.d")) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException ignored) {
        // other drop-ins live there: keep it
      }
    }
  }

  private void dropBackups(String id) {
    if (id != null) {
      deleteTree(root.resolve(InstallPaths.BACKUPS + "/" + id));
      try {
        Files.deleteIfExists(root.resolve(InstallPaths.BACKUPS));
      } catch (IOException ignored) {
        // other applies' backups live there
      }
    }
  }

  /** After uninstall: the lock file and the state folder go too, if nothing else lives there. */
  private void removeStateFolder() {
    try {
      if (!Files.exists(root.resolve(InstallPaths.MANIFEST))) {
        Files.deleteIfExists(root.resolve(InstallPaths.LOCK));
        Files.deleteIfExists(root.resolve(InstallPaths.BACKUPS));
        Files.deleteIfExists(root.resolve(InstallPaths.STATE_DIR));
      }
    } catch (IOException ignored) {
      // the engine's own files live there too: keep the folder
    }
  }

  private static void discard(AtomicFile.Staged s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // a dot-named temp file is ignored by cron and sudo
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // what is left is under the backups folder only
    }
  }
}
