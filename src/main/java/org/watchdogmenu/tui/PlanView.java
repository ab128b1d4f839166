package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.watchdogmenu.install.ApplyResult;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;

/**
 * The preview before every write: the plan's files with their diffs, the commands, the warnings and
 * the equivalent command line. Enter and Esc cancel; {@code a} then {@code y} applies.
 */
final class PlanView implements View {
  /** Levels to go back after an apply that changed targets: to the first screen. */
  static final int TO_FIRST = Integer.MAX_VALUE;

  private final Session session;
  private final String crumb;
  private final String warning;
  private final Plan plan;
  private final int pops;
  private final Pending pending = new Pending();
  private int top;
  private int height = 10;

  private PlanView(Session session, String crumb, String warning, Plan plan, int pops) {
    this.session = session;
    this.crumb = crumb;
    this.warning = warning;
    this.plan = plan;
    this.pops = pops;
  }

  /**
   * Makes the plan and opens its preview; after an apply the menu goes back {@code pops} levels.
   */
  static Step open(
      Session session, String crumb, String warning, Supplier<Plan> planner, int pops) {
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
    return List.of("Enter cancel", "a apply", look.upDown() + " scroll");
  }

  List<Line> all() {
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("Preview: nothing is written until you press a, then y.", Tone.HEAD));
    if (warning != null) {
      lines.add(Line.of("WARNING: " + warning, Tone.WARN));
    }
    String why = session.readOnlyReason();
    if (why != null) {
      lines.add(Line.of(why, Tone.WARN));
    }
    lines.add(Line.of(""));
    for (String l : plan.preview().split("\n", -1)) {
      Tone tone = Tone.PLAIN;
      if (l.startsWith("+") && !l.startsWith("+++")) {
        tone = Tone.ON;
      } else if (l.startsWith("-") && !l.startsWith("---")) {
        tone = Tone.BAD;
      } else if (l.startsWith("WARNING") || l.startsWith("CONFIRMATION")) {
        tone = Tone.WARN;
      }
      lines.add(Line.of(l, tone));
    }
    lines.add(Line.of("Same as the command:", Tone.HEAD));
    lines.add(Line.of("  " + plan.title()));
    return lines;
  }

  @Override
  public List<Line> body(int width, int height) {
    this.height = height;
    List<Line> lines = Wrap.lines(all(), width);
    top = Math.max(0, Math.min(top, lines.size() - height));
    return Scroll.from(lines, top, height);
  }

  @Override
  public Step key(KeyStroke key) {
    if (pending.armed()) {
      return pending.answer(key);
    }
    switch (key.getKeyType()) {
      case ArrowUp:
        top = Math.max(0, top - 1);
        return Step.STAY;
      case ArrowDown:
        top++;
        return Step.STAY;
      case PageUp:
        top = Math.max(0, top - height);
        return Step.STAY;
      case PageDown:
        top += height;
        return Step.STAY;
      case Home:
        top = 0;
        return Step.STAY;
      case End:
        top = Integer.MAX_VALUE / 2;
        return Step.STAY;
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
    String why = session.readOnlyReason();
    if (why != null) {
      return Step.say("Not applied. " + why);
    }
    if (plan.isEmpty()) {
      return Step.say("Nothing to change: everything is already as asked.");
    }
    String question =
        "Apply this plan"
            + (plan.confirmation() == null ? "" : " (" + plan.confirmation() + ")")
            + "?";
    return pending.ask(question, () -> Step.work("Applying...", this::apply));
  }

  private Step apply() {
    try {
      ApplyResult result = session.apply(plan);
      if (!result.commandsOk()) {
        List<String> lines = new ArrayList<>(result.lines());
        lines.add("");
        lines.add("The files are in place, but a command failed (see above).");
        return Step.backAndOpen(pops, new TextView("Applied with errors", lines), null);
      }
      return Step.back(pops, "Applied: " + String.join("; ", result.lines()));
    } catch (InstallException e) {
      // the whole reason, every line of it, wrapped: a message row would cut it
      List<String> lines = new ArrayList<>();
      lines.add("Not applied: " + e.getMessage().lines().findFirst().orElse(""));
      e.getMessage().lines().skip(1).forEach(lines::add);
      lines.add("");
      lines.add("Enter goes back to the preview.");
      return Step.open(new TextView("Not applied", lines));
    }
  }
}
