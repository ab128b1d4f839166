package org.watchdogmenu.install;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.os.HostRoot;

/** Collects a plan's parts; files already exactly as they would be written are left out. */
final class PlanBuilder {
  private final HostRoot root;
  private final String commandLine;
  private final Plan.Mode mode;
  private final String basis;
  private final List<FileWrite> writes = new ArrayList<>();
  private final List<FileRemoval> removals = new ArrayList<>();
  private final List<PlanCommand> commands = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private String confirmation;

  PlanBuilder(HostRoot root, String commandLine, Plan.Mode mode, String basis) {
    this.root = root;
    this.commandLine = commandLine;
    this.mode = mode;
    this.basis = basis;
  }

  PlanBuilder write(FileWrite w) {
    writes.removeIf(x -> x.path().equals(w.path()));
    writes.add(w);
    return this;
  }

  PlanBuilder remove(FileRemoval r) {
    removals.add(r);
    return this;
  }

  PlanBuilder command(PlanCommand c) {
    if (!commands.contains(c)) {
      commands.add(c);
    }
    return this;
  }

  PlanBuilder warn(String w) {
    if (!warnings.contains(w)) {
      warnings.add(w);
    }
    return this;
  }

  PlanBuilder confirm(String reason) {
    confirmation = confirmation == null ? reason : confirmation + "; " + reason;
    return this;
  }

  List<FileWrite> writes() {
    return writes;
  }

  /** Host paths this plan writes or removes. */
  Set<String> touched() {
    Set<String> paths = new HashSet<>();
    writes.forEach(w -> paths.add(w.path()));
    removals.forEach(r -> paths.add(r.path()));
    return paths;
  }

  Plan build() {
    if (ManifestStore.UNREADABLE.equals(basis)) {
      warn(
          InstallPaths.MANIFEST
              + " is root's and cannot be read here: this preview plans as if watchdog-menu had"
              + " recorded nothing (run sudo watchdog-menu for the plan as root would apply it)");
    }
    List<FileWrite> changed = new ArrayList<>();
    for (FileWrite w : writes) {
      if (mode != Plan.Mode.APPLY || !unchanged(w)) {
        changed.add(w);
      }
    }
    return new Plan(
        root, commandLine, mode, basis, changed, removals, commands, warnings, confirmation);
  }

  private boolean unchanged(FileWrite w) {
    try {
      Optional<FileMeta> now = FileMeta.read(root.resolve(w.path()));
      return now.isPresent()
          && now.get().sha256().equals(FileMeta.sha256(w.content()))
          && now.get().mode().equals(w.mode())
          && now.get().owner().equals(w.owner())
          && now.get().group().equals(w.group());
    } catch (IOException e) {
      return false;
    }
  }
}
