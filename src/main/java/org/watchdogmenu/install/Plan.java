package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.os.HostRoot;

/**
 * What an action would change, before anything changes: files to write (with their full content,
 * mode and owner), files to remove, commands to run afterwards, warnings, and whether it needs a
 * deliberate yes. {@link #preview} shows it with a diff per file; {@link Applier#apply} carries it
 * out.
 */
public final class Plan {
  /** What kind of change a plan is; undo and uninstall are not recorded as applies. */
  enum Mode {
    APPLY,
    UNDO,
    UNINSTALL
  }

  private final HostRoot root;
  private final String commandLine;
  private final Mode mode;
  private final String basis;
  private final List<FileWrite> writes;
  private final List<FileRemoval> removals;
  private final List<PlanCommand> commands;
  private final List<String> warnings;
  private final String confirmation;

  Plan(
      HostRoot root,
      String commandLine,
      Mode mode,
      String basis,
      List<FileWrite> writes,
      List<FileRemoval> removals,
      List<PlanCommand> commands,
      List<String> warnings,
      String confirmation) {
    this.root = root;
    this.commandLine = commandLine;
    this.mode = mode;
    this.basis = basis;
    this.writes = List.copyOf(writes);
    this.removals = List.copyOf(removals);
    this.commands = List.copyOf(commands);
    this.warnings = List.copyOf(warnings);
    this.confirmation = confirmation;
  }

  /** The command line that makes this plan, e.g. {@code watchdog-menu enable x --health 5m}. */
  public String commandLine() {
    return commandLine;
  }

  public List<FileWrite> writes() {
    return writes;
  }

  public List<FileRemoval> removals() {
    return removals;
  }

  public List<PlanCommand> commands() {
    return commands;
  }

  /** Things the operator should know (uneven schedules, broad sudo rules, systemd not running). */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Why this plan needs a deliberate yes ({@link Applier.Options#confirmed}); empty when it does
   * not. E.g. a sudoers rule that amounts to full root.
   */
  public Optional<String> confirmation() {
    return Optional.ofNullable(confirmation);
  }

  /** True when applying it would change nothing. */
  public boolean isEmpty() {
    return writes.isEmpty() && removals.isEmpty() && commands.isEmpty();
  }

  Mode mode() {
    return mode;
  }

  String basis() {
    return basis;
  }

  /**
   * This plan and {@code other} as one (e.g. a restart schedule and the linger it needs). A file in
   * both is written with {@code other}'s content; a command in both runs once.
   */
  public Plan plus(Plan other) {
    if (mode != Mode.APPLY || other.mode != Mode.APPLY) {
      throw new IllegalArgumentException("undo and uninstall plans cannot be combined");
    }
    Map<String, FileWrite> w = new LinkedHashMap<>();
    writes.forEach(f -> w.put(f.path(), f));
    other.writes.forEach(f -> w.put(f.path(), f));
    List<FileRemoval> r = new ArrayList<>(removals);
    other.removals.stream().filter(x -> !r.contains(x)).forEach(r::add);
    List<PlanCommand> c = new ArrayList<>(commands);
    other.commands.stream().filter(x -> !c.contains(x)).forEach(c::add);
    List<String> warn = new ArrayList<>(warnings);
    other.warnings.stream().filter(x -> !warn.contains(x)).forEach(warn::add);
    String confirm =
        confirmation == null
            ? other.confirmation
            : other.confirmation == null ? confirmation : confirmation + "; " + other.confirmation;
    String t =
        commandLine.equals(other.commandLine)
            ? commandLine
            : commandLine + " && " + other.commandLine;
    return new Plan(root, t, mode, basis, new ArrayList<>(w.values()), r, c, warn, confirm);
  }

  /**
   * The plan's parts in the order the preview shows them: each file with a unified diff against
   * what is there now (secrets masked), then commands, warnings and the reason for a deliberate
   * yes.
   */
  public List<PlanPart> parts() {
    List<PlanPart> parts = new ArrayList<>();
    parts.add(new PlanPart.Title(commandLine));
    if (isEmpty()) {
      parts.add(new PlanPart.NothingToChange());
    }
    for (FileWrite w : writes) {
      String now = current(w.path());
      String diff =
          UnifiedDiff.of(
              now == null ? "/dev/null" : w.path() + " (now)",
              now == null ? "" : w.kind().shown(now),
              w.path() + " (new)",
              w.kind().shown(w.text()));
      parts.add(
          new PlanPart.FileChange(
              now == null ? PlanPart.Change.CREATE : PlanPart.Change.REPLACE,
              w.path(),
              w.mode(),
              w.owner(),
              w.group(),
              w.restore(),
              DiffLine.of(diff)));
    }
    for (FileRemoval r : removals) {
      String now = current(r.path());
      String diff =
          now == null
              ? ""
              : UnifiedDiff.of(r.path() + " (now)", r.kind().shown(now), "/dev/null", "");
      parts.add(
          new PlanPart.FileChange(
              PlanPart.Change.REMOVE, r.path(), null, null, null, false, DiffLine.of(diff)));
    }
    for (PlanPart.When when : PlanPart.When.values()) {
      boolean before = when == PlanPart.When.BEFORE_FILES;
      List<PlanCommand> some =
          commands.stream().filter(c -> Applier.beforeFiles(this, c) == before).toList();
      if (!some.isEmpty()) {
        parts.add(new PlanPart.Commands(when, some));
      }
    }
    warnings.forEach(w -> parts.add(new PlanPart.Warning(w)));
    if (confirmation != null) {
      parts.add(new PlanPart.Confirmation(confirmation));
    }
    return parts;
  }

  /** The plan in words, for the command line: {@link #parts()} written out. */
  public String preview() {
    StringBuilder out = new StringBuilder();
    for (PlanPart part : parts()) {
      if (part instanceof PlanPart.Title t) {
        out.append("Plan: ").append(t.command()).append('\n');
      } else if (part instanceof PlanPart.NothingToChange) {
        out.append("Nothing to change: everything is already as asked.\n");
      } else if (part instanceof PlanPart.FileChange f) {
        file(out, f);
      } else if (part instanceof PlanPart.Commands c) {
        out.append('\n').append(c.heading()).append('\n');
        for (PlanCommand command : c.commands()) {
          out.append("  ").append(command.display()).append("    # ").append(command.why());
          out.append('\n');
        }
      } else if (part instanceof PlanPart.Warning w) {
        out.append("\nWARNING: ").append(w.text()).append('\n');
      } else if (part instanceof PlanPart.Confirmation c) {
        out.append("\nCONFIRMATION NEEDED: ").append(c.reason()).append('\n');
      }
    }
    return out.toString();
  }

  /** The heading of a file change, e.g. {@code create /etc/cron.d/x (0644 root:root)}. */
  public static String heading(PlanPart.FileChange f) {
    if (f.change() == PlanPart.Change.REMOVE) {
      return "remove  " + f.path();
    }
    return (f.change() == PlanPart.Change.CREATE ? "create  " : "replace ")
        + f.path()
        + "  ("
        + f.mode()
        + ' '
        + f.owner()
        + ':'
        + f.group()
        + (f.restore() ? ", the content it had before" : "")
        + ")";
  }

  private static void file(StringBuilder out, PlanPart.FileChange f) {
    out.append('\n').append(heading(f)).append('\n');
    if (f.diff().isEmpty() && f.change() != PlanPart.Change.REMOVE) {
      out.append("  (content unchanged; mode or owner change)\n");
    }
    f.diff().forEach(l -> out.append(l.text()).append('\n'));
  }

  private String current(String hostPath) {
    Path p = root.resolve(hostPath);
    try {
      return Files.isRegularFile(p)
          ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
          : null;
    } catch (IOException e) {
      return "(cannot read: " + e.getMessage() + ")\n";
    }
  }
}
