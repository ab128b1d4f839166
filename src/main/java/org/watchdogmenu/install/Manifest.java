package org.watchdogmenu.install;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the installer did, apply by apply ({@code /var/lib/watchdog-menu/manifest.json}): every file
 * it wrote, removed or put back, with its hash and the backup of what was there before. The files
 * installed now are folded from it; {@code disable}, {@code undo} and {@code uninstall} touch only
 * those.
 */
record Manifest(int version, List<Apply> applies) {
  static final Manifest EMPTY = new Manifest(1, List.of());

  Manifest {
    applies = applies == null ? List.of() : List.copyOf(applies);
  }

  /** One apply: its id (also the backup folder's name), when, the CLI line, what it changed. */
  record Apply(
      String id, String at, String title, List<Change> changes, List<PlanCommand> commands) {
    Apply {
      changes = List.copyOf(changes);
      commands = commands == null ? List.of() : List.copyOf(commands);
    }
  }

  /** What a change did to its file; stored as {@code write}, {@code remove} or {@code restore}. */
  enum Action {
    /** The file is ours now. */
    WRITE("write"),
    /** Ours, removed. */
    REMOVE("remove"),
    /** What was there before ours, put back: not ours any more. */
    RESTORE("restore");

    private final String stored;

    Action(String stored) {
      this.stored = stored;
    }

    @JsonValue
    String stored() {
      return stored;
    }
  }

  /**
   * One file change, made by {@link #written}, {@link #restored} or {@link #removed}; the
   * components are the manifest's fields.
   *
   * @param kind the kind of file (stored by its name, e.g. {@code CRON})
   * @param feature the stored text of what it belongs to ({@link FeatureKey#stored})
   * @param sha256 the hash of what was written (null for a removal)
   * @param mode its mode after a write (null for a removal)
   * @param owner its owner after a write (null for a removal)
   * @param group its group after a write (null for a removal)
   * @param logs the log files it names (none for a removal)
   * @param before what was there before, or null when there was no file
   */
  record Change(
      String path,
      Action action,
      FileKind kind,
      String feature,
      String sha256,
      String mode,
      String owner,
      String group,
      List<String> logs,
      Before before) {
    Change {
      logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** A file of ours written, replacing {@code before} (null: there was none). */
    static Change written(FileWrite w, Before before) {
      return wrote(Action.WRITE, w, before);
    }

    /** What was there before ours put back in place of {@code before}, our file. */
    static Change restored(FileWrite w, Before before) {
      return wrote(Action.RESTORE, w, before);
    }

    /** A file of ours removed; {@code before} is the copy of it kept in the backups. */
    static Change removed(FileRemoval r, Before before) {
      return new Change(
          r.path(),
          Action.REMOVE,
          r.kind(),
          r.feature().key(),
          null,
          null,
          null,
          null,
          List.of(),
          before);
    }

    private static Change wrote(Action action, FileWrite w, Before before) {
      return new Change(
          w.path(),
          action,
          w.kind(),
          w.feature().key(),
          FileMeta.sha256(w.content()),
          w.mode(),
          w.owner(),
          w.group(),
          w.logs(),
          before);
    }

    boolean writes() {
      return action == Action.WRITE;
    }

    /** What the file belongs to, read from its stored text (none for an entry without one). */
    Optional<FeatureKey> featureKey() {
      return FeatureKey.stored(feature, kind);
    }
  }

  /** A file as it was before a change, and the host path of its copy under the backups. */
  record Before(String backup, String sha256, String mode, String owner, String group) {}

  /**
   * A file of ours as installed now.
   *
   * @param change the change that wrote its current content
   * @param original what was there before the tool first wrote it (null: nothing)
   */
  record Installed(String applyId, Change change, Before original) {}

  /** The files installed now, by path, in the order they were first written. */
  Map<String, Installed> installed() {
    Map<String, Installed> now = new LinkedHashMap<>();
    for (Apply a : applies) {
      for (Change c : a.changes()) {
        if (c.writes()) {
          Installed prior = now.get(c.path());
          Before original = prior == null ? c.before() : prior.original();
          now.put(c.path(), new Installed(a.id(), c, original));
        } else {
          now.remove(c.path());
        }
      }
    }
    return now;
  }

  /** The files of one feature installed now. */
  List<Installed> installedFor(FeatureKey feature) {
    List<Installed> found = new ArrayList<>();
    for (Installed i : installed().values()) {
      if (i.change().featureKey().filter(feature::equals).isPresent()) {
        found.add(i);
      }
    }
    return found;
  }

  Optional<Apply> last() {
    return applies.isEmpty() ? Optional.empty() : Optional.of(applies.get(applies.size() - 1));
  }

  Manifest plus(Apply apply) {
    List<Apply> all = new ArrayList<>(applies);
    all.add(apply);
    return new Manifest(version, all);
  }

  Manifest withoutLast() {
    return new Manifest(version, applies.subList(0, Math.max(0, applies.size() - 1)));
  }
}
