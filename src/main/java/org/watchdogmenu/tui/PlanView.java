package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.watchdogmenu.install.ApplyResult;
import org.watchdogmenu.install.DiffLine;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.PlanCommand;
import org.watchdogmenu.install.PlanPart;

/**
 * The preview before every write, drawn from the plan's parts: its files with their diffs, the
 * commands, the warnings and the equivalent command line. Enter and Esc cancel; {@code a} then
 * {@code y} applies. In a read-only run the preview shows and nothing is offered to apply.
 */
final class PlanView implements View {
  /** Levels to go back after an apply that changed targets: to the first screen. */
  static final int TO_FIRST = Integer.MAX_VALUE;

  private final Session session;
  private final String crumb;
  private final Optional<String> warning;
  private final Plan plan;
  private final int pops;
  private final Pending pending = new Pending();
  private final TextPane pane = new TextPane();
  private List<Line> lines;

  private PlanView(Session session, String crumb, Optional<String> warning, Plan plan, int pops) {
    this.session = session;
    this.crumb = crumb;
    this.warning = warning;
    this.plan = plan;
    this.pops = pops;
  }

  /**
   * Makes the plan and opens its preview; after an apply the menu goes back {@code pops} levels.
   */
  static Step open(Session session, String crumb, Supplier<Plan> planner, int pops) {
    return open(session, crumb, Optional.empty(), planner, pops);
  }

  /**
   * The same, with a warning shown at the top of the preview (before the operator confirms).
   *
   * @param warning the warning; empty for none
   */
  static Step open(
      Session session, String crumb, Optional<String> warning, Supplier<Plan> planner, int pops) {
    try {
      return Step.open(new PlanView(session, crumb, warning, planner.get(), pops));
    } catch (InstallException e) {
      return Step.open(
          new TextView(
              "Cannot make the plan",
              List.of("Cannot make the plan: " + e.getMessage(), "", "Nothing was written.")));
    }
  }

  @Override
  public String crumb() {
    return crumb;
  }

  @Override
  public List<String> keys(Look look) {
    if (session.readOnlyReason().isPresent()) {
      return List.of("Enter close", look.upDown() + " PgUp PgDn scroll");
    }
    return List.of("a apply", "Enter cancel", look.upDown() + " PgUp PgDn scroll");
  }

  @Override
  public List<String> help() {
    return List.of(
        "The preview of a change: nothing is written until you press a, then y. Each file "
            + "shows how it changes: a line starting with + comes (cyan), - goes (red), the "
            + "others stay.",
        "Then the commands run after the files, the warnings (yellow) and the same change "
            + "as a command line.",
        "Before writing, every file is checked by the real tool (crontab rules, visudo, "
            + "systemd-analyze, logrotate); a file it refuses means nothing is written, and the "
            + "problem shows in full. What is replaced is backed up: watchdog-menu undo puts "
            + "back the last apply.",
        "Read-only (not root): the preview shows, nothing can be applied. Keys: a apply "
            + "(then y), Enter or Esc cancel, arrows and PgUp/PgDn scroll.");
  }

  /** Every line of the preview, from the plan's parts. */
  List<Line> all() {
    if (lines != null) {
      return lines;
    }
    List<Line> out = new ArrayList<>();
    if (session.readOnlyReason().isPresent()) {
      out.add(Line.of("Preview only: this run is read-only; nothing can be applied.", Tone.HEAD));
    } else {
      out.add(Line.of("Preview: nothing is written until you press a, then y.", Tone.HEAD));
    }
    warning.ifPresent(w -> out.add(Line.of("WARNING: " + w, Tone.WARN)));
    out.add(Line.of(""));
    for (PlanPart part : plan.parts()) {
      if (part instanceof PlanPart.Title t) {
        out.add(Line.of("Plan: " + t.command(), Tone.HEAD));
      } else if (part instanceof PlanPart.NothingToChange) {
        out.add(Line.of("Nothing to change: everything is already as asked.", Tone.OFF));
      } else if (part instanceof PlanPart.FileChange f) {
        out.add(Line.of(""));
        out.add(Line.of(Plan.heading(f), Tone.HEAD));
        if (f.diff().isEmpty() && f.change() != PlanPart.Change.REMOVE) {
          out.add(Line.of("  (content unchanged; mode or owner change)", Tone.OFF));
        }
        f.diff().forEach(d -> out.add(Line.of(d.text(), tone(d.kind()))));
      } else if (part instanceof PlanPart.Commands c) {
        out.add(Line.of(""));
        out.add(Line.of(c.heading(), Tone.HEAD));
        for (PlanCommand command : c.commands()) {
          out.add(Line.of("  " + command.display() + "    # " + command.why()));
        }
      } else if (part instanceof PlanPart.Warning w) {
        out.add(Line.of(""));
        out.add(Line.of("WARNING: " + w.text(), Tone.WARN));
      } else if (part instanceof PlanPart.Confirmation c) {
        out.add(Line.of(""));
        out.add(Line.of("CONFIRMATION NEEDED: " + c.reason(), Tone.WARN));
      }
    }
    out.add(Line.of(""));
    out.add(Line.of("Same as the command:", Tone.HEAD));
    out.add(Line.of("  " + plan.commandLine()));
    lines = out;
    return lines;
  }

  private static Tone tone(DiffLine.Kind kind) {
    return switch (kind) {
      case ADDED -> Tone.ON;
      case REMOVED -> Tone.BAD;
      case HUNK, NOTE, OLD_NAME, NEW_NAME -> Tone.OFF;
      case SAME -> Tone.PLAIN;
    };
  }

  @Override
  public List<Line> body(int width, int height) {
    return pane.window(Wrap.lines(all(), width), height);
  }

  @Override
  public Step key(KeyStroke key) {
    if (pending.armed()) {
      return pending.answer(key);
    }
    if (pane.key(key)) {
      return Step.STAY;
    }
    switch (key.getKeyType()) {
      case Enter:
      case Escape:
        return Step.back(1, "Cancelled: nothing was written.");
      case Character:
        if (key.getCharacter() == 'a') {
          return askApply();
        }
        return Step.UNHANDLED;
      default:
        return Step.UNHANDLED;
    }
  }

  private Step askApply() {
    Optional<String> why = session.readOnlyReason();
    if (why.isPresent()) {
      return Step.say("Not available in a read-only run. " + why.get());
    }
    if (plan.isEmpty()) {
      return Step.say("Nothing to change: everything is already as asked.");
    }
    String question =
        "Apply this plan" + plan.confirmation().map(c -> " (" + c + ")").orElse("") + "?";
    return pending.ask(question, () -> Step.work("Applying...", this::apply));
  }

  private Step apply() {
    try {
      ApplyResult result = session.apply(plan);
      if (!result.commandsOk()) {
        List<String> out = new ArrayList<>(result.lines());
        out.add("");
        out.add("The files are in place, but a command failed (see above).");
        return Step.backAndOpen(pops, new TextView("Applied with errors", out));
      }
      List<String> said = new ArrayList<>();
      said.add("Applied:");
      result.lines().forEach(l -> said.add("  " + l));
      return Step.back(pops, String.join("\n", said));
    } catch (InstallException e) {
      // the whole reason, every line of it, on a screen of its own that wraps and scrolls
      List<String> out = new ArrayList<>();
      out.add("Not applied: " + e.getMessage().lines().findFirst().orElse(""));
      e.getMessage().lines().skip(1).forEach(out::add);
      out.add("");
      out.add("Enter goes back to the preview.");
      return Step.open(new TextView("Not applied", out));
    }
  }
}
