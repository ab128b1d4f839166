package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.watchdogmenu.os.HostRoot;

/**
 * Plans that reverse what the installer did: undo of the last apply, uninstall of everything, and
 * putting back what a disabled file had replaced. A file edited by hand since it was written is
 * never overwritten: the plan is refused and the file named.
 */
final class Reversal {
  private final HostRoot root;
  private final ManifestStore store;

  Reversal(HostRoot root, ManifestStore store) {
    this.root = root;
    this.store = store;
  }

  /** Puts back what the last apply replaced and removes what it created. */
  Plan undo(String commandLine) {
    Manifest m = store.load();
    Manifest.Apply last =
        m.last()
            .orElseThrow(
                () ->
                    new InstallException("nothing to undo: watchdog-menu has no apply on record"));
    PlanBuilder b =
        new PlanBuilder(
            root, commandLine + "  # undoes: " + last.title(), Plan.Mode.UNDO, store.basis());
    List<Manifest.Change> changes = new ArrayList<>(last.changes());
    Collections.reverse(changes);
    for (Manifest.Change c : changes) {
      refuseIfEditedByHand(c, last.id());
      putBack(b, c.path(), c.before(), c.kind(), key(c));
    }
    List<PlanCommand> commands = new ArrayList<>(last.commands());
    Collections.reverse(commands);
    for (PlanCommand c : commands) {
      if (c.undo() != null) {
        b.command(new PlanCommand(c.undo(), "undo: " + c.why(), null));
      }
    }
    return b.build();
  }

  /** Every file of ours removed, every file we replaced put back, the manifest and backups gone. */
  Plan uninstall(String commandLine) {
    Manifest m = store.load();
    PlanBuilder b = new PlanBuilder(root, commandLine, Plan.Mode.UNINSTALL, store.basis());
    List<Manifest.Installed> installed = new ArrayList<>(m.installed().values());
    Collections.reverse(installed);
    for (Manifest.Installed i : installed) {
      refuseIfEditedByHand(i.change(), i.applyId());
      putBack(b, i.change().path(), i.original(), i.change().kind(), key(i.change()));
    }
    List<Manifest.Apply> applies = new ArrayList<>(m.applies());
    Collections.reverse(applies);
    for (Manifest.Apply a : applies) {
      List<PlanCommand> commands = new ArrayList<>(a.commands());
      Collections.reverse(commands);
      for (PlanCommand c : commands) {
        if (c.undo() != null) {
          b.command(new PlanCommand(c.undo(), "uninstall: " + c.why(), null));
        }
      }
    }
    return b.build();
  }

  /** Puts back what was there before the tool first wrote this file, or removes it. */
  void putBack(PlanBuilder b, Manifest.Installed i) {
    putBack(b, i.change().path(), i.original(), i.change().kind(), key(i.change()));
  }

  /** The key of a recorded change; an entry without one keeps an empty key. */
  private static FeatureKey key(Manifest.Change c) {
    return c.featureKey().orElse(new FeatureKey.Other(""));
  }

  /** Restores {@code before} at {@code path}, or removes the file when there was none. */
  private void putBack(
      PlanBuilder b, String path, Manifest.Before before, FileKind kind, FeatureKey feature) {
    if (before == null) {
      b.remove(new FileRemoval(path, kind, feature));
      return;
    }
    try {
      byte[] content = Files.readAllBytes(store.records().resolve(before.backup()));
      b.write(
          new FileWrite(
              path,
              content,
              kind,
              before.mode(),
              before.owner(),
              before.group(),
              feature,
              List.of(),
              true));
    } catch (IOException e) {
      throw new InstallException(
          "the backup of "
              + path
              + " at "
              + before.backup()
              + " cannot be read: "
              + e.getMessage());
    }
  }

  private void refuseIfEditedByHand(Manifest.Change c, String applyId) {
    Path p = root.resolve(c.path());
    String now;
    try {
      now = FileMeta.read(p).map(FileMeta::sha256).orElse(null);
    } catch (IOException e) {
      throw new InstallException("cannot read " + c.path() + ": " + e.getMessage());
    }
    String expected = c.action() == Manifest.Action.REMOVE ? null : c.sha256();
    if (now != null && !now.equals(expected)) {
      throw new InstallException(
          c.path()
              + " was changed by hand after apply "
              + applyId
              + ": move your copy away (or put the file back as it was) and run this again");
    }
  }
}
