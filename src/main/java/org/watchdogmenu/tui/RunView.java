package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.engine.CheckMode;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.HealthCheck;
import org.watchdogmenu.engine.RestartGuard;
import org.watchdogmenu.engine.RestartRequest;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;

/**
 * A health check or a restart as it runs: its lines appear as the engine prints them. Esc leaves it
 * going on in the background (the engine logs it as always, and quitting waits for it). A restart
 * the cooldown or the cap held back can then be forced, after its own y.
 */
final class RunView implements View {
  /** What runs, with its crumb and what it is called while it runs in the background. */
  enum Kind {
    CHECK("Health check", "the health check of "),
    DRY_RUN("Health check (dry run)", "the dry-run check of "),
    RESTART("Restart now", "the restart of "),
    FORCED_RESTART("Forced restart", "the forced restart of ");

    private final String crumb;
    private final String running;

    Kind(String crumb, String running) {
      this.crumb = crumb;
      this.running = running;
    }

    boolean restart() {
      return this == RESTART || this == FORCED_RESTART;
    }
  }

  private final Session session;
  private final Target target;
  private final Kind kind;
  private final Run<?> run;
  private final TextPane pane = new TextPane();
  private final Pending pending = new Pending();
  private int seenLines = -1;
  private boolean seenDone;

  private RunView(Session session, Target target, Kind kind, Run<?> run) {
    this.session = session;
    this.target = target;
    this.kind = kind;
    this.run = run;
    pane.toEnd();
  }

  /**
   * Starts a health check of {@code target}: with {@code dryRun} it says what it would do and
   * changes nothing; else it checks without restarting, and logs and keeps its result as cron's
   * checks do.
   */
  static RunView check(Session session, Target target, boolean dryRun) {
    Kind kind = dryRun ? Kind.DRY_RUN : Kind.CHECK;
    Run<CheckReport> run =
        session.start(
            kind.running + target.id(),
            out -> {
              try {
                return session
                    .engine()
                    .check(
                        target,
                        HealthCheck.Options.health(
                            dryRun ? CheckMode.DRY_RUN : CheckMode.CHECK_ONLY),
                        out);
              } finally {
                session.services().refresh(target);
              }
            });
    return new RunView(session, target, kind, run);
  }

  /** Starts a restart of {@code target} through the guard, by a person (source {@code manual}). */
  static RunView restart(Session session, Target target, boolean force) {
    Kind kind = force ? Kind.FORCED_RESTART : Kind.RESTART;
    Run<RestartGuard.Result> run =
        session.start(
            kind.running + target.id(),
            out -> {
              try {
                RestartRequest manual = RestartRequest.by(RestartSource.MANUAL);
                return session.engine().restart(target, force ? manual.forced() : manual, out);
              } finally {
                session.services().refresh(target);
              }
            });
    return new RunView(session, target, kind, run);
  }

  @Override
  public String crumb() {
    return kind.crumb;
  }

  @Override
  public List<String> keys(Look look) {
    List<String> keys = new ArrayList<>();
    if (forceable()) {
      keys.add("f force");
    }
    keys.add(look.upDown() + " scroll");
    if (run.done()) {
      keys.add("Enter back");
    }
    return keys;
  }

  @Override
  public List<Line> body(int width, int height) {
    List<Line> lines = new ArrayList<>();
    for (String l : run.lines().lines()) {
      lines.add(line(l));
    }
    lines.add(Line.of(""));
    lines.addAll(ending());
    return pane.window(Wrap.lines(lines, width), height);
  }

  private List<Line> ending() {
    if (!run.done()) {
      return List.of(
          Line.of(
              (kind.restart() ? "Restarting" : "Checking")
                  + "… Esc leaves it running in the background.",
              Tone.OFF));
    }
    Object result = run.result().orElse(null);
    if (result instanceof CheckReport r) {
      Line verdict =
          Line.of("Result: " + r.outcome() + ": " + r.summary(), StateWords.tone(r.outcome()));
      return kind == Kind.DRY_RUN
          ? List.of(verdict, Line.of("Dry run: nothing was restarted or changed."))
          : List.of(verdict);
    }
    if (result instanceof RestartGuard.Result r) {
      List<Line> out = new ArrayList<>();
      out.add(Line.of("Result: " + words(r), tone(r)));
      if (forceable()) {
        out.add(
            Line.of(
                "Press f to force a restart now: it skips the cooldown, the restart cap and a pause,"
                    + " and is recorded as manual (like watchdog-menu restart "
                    + target.id()
                    + " --force).",
                Tone.WARN));
      }
      return out;
    }
    return List.of(Line.of("Result: it did not finish; see the lines above.", Tone.BAD));
  }

  private static String words(RestartGuard.Result r) {
    return switch (r) {
      case RESTARTED -> "restarted";
      case FAILED -> "the restart command FAILED";
      case DENIED -> "held back: the restart cap is reached";
      case SKIPPED -> "held back: the cooldown is still running";
      case LOCK_BUSY -> "not restarted: another restart holds the lock; try again";
      case ERROR, REFUSED -> "not restarted: see the lines above";
      case WOULD_RESTART -> "would restart (dry run)";
      case PAUSED -> "held back: the target is paused for maintenance";
    };
  }

  private static Tone tone(RestartGuard.Result r) {
    return switch (r) {
      case RESTARTED, WOULD_RESTART -> Tone.PLAIN;
      case DENIED, SKIPPED, LOCK_BUSY, PAUSED -> Tone.WARN;
      case FAILED, ERROR, REFUSED -> Tone.BAD;
    };
  }

  /** A restart held back by the cooldown or the cap, and this run may change things. */
  private boolean forceable() {
    if (!kind.restart() || session.readOnlyReason().isPresent()) {
      return false;
    }
    Object r = run.result().orElse(null);
    return r == RestartGuard.Result.SKIPPED
        || r == RestartGuard.Result.DENIED
        || r == RestartGuard.Result.PAUSED;
  }

  private static Line line(String text) {
    if (text.contains("FAIL") || text.contains("DENIED") || text.startsWith("Failed")) {
      return Line.of(text, Tone.BAD);
    }
    if (text.contains("WARNING") || text.contains("SKIPPED") || text.contains("FORCED")) {
      return Line.of(text, Tone.WARN);
    }
    return Line.of(text);
  }

  @Override
  public boolean tick() {
    int n = run.lines().size();
    boolean done = run.done();
    if (n == seenLines && done == seenDone) {
      return false;
    }
    seenLines = n;
    seenDone = done;
    return true;
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
        return run.done()
            ? Step.BACK
            : Step.say("Still running: Esc leaves it running in the background.");
      case Escape:
        return run.done()
            ? Step.BACK
            : Step.back(
                1,
                "T"
                    + kind.running.substring(1)
                    + target.id()
                    + " goes on in the background"
                    + (kind == Kind.DRY_RUN
                        ? " (a dry run: nothing is logged)."
                        : "; its lines are in its log."));
      case Character:
        if (key.getCharacter() == 'f' && forceable()) {
          return pending.ask(
              "Force a restart of "
                  + target.id()
                  + " now, skipping the cooldown and the restart cap (recorded as manual)?",
              () -> Step.backAndOpen(1, restart(session, target, true)));
        }
        return Step.UNHANDLED;
      default:
        return Step.UNHANDLED;
    }
  }
}
