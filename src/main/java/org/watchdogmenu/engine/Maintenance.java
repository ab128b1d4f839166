package org.watchdogmenu.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.UserFiles;

/**
 * Starts and ends a target's maintenance pause ({@link Pause}, kept by {@link Pauses}): the change
 * is logged in the target's health log with its end and reason, and the Prometheus series show it
 * at once.
 */
public final class Maintenance {
  private final Host host;
  private final Predicate<String> current;

  /**
   * @param current whether a target id is still on the host (the metrics drop the others' series)
   */
  public Maintenance(Host host, Predicate<String> current) {
    this.host = host;
    this.current = current;
  }

  /**
   * Pauses a target for {@code length} from now (replacing a pause that holds).
   *
   * @param length at most {@link Pause#MAX}
   * @throws IllegalArgumentException when {@code length} is not positive or longer than the most,
   *     or the reason is not one short line ({@link Pause#reasonProblem})
   * @throws IOException when the pause file cannot be written (nothing is paused)
   */
  public Pause pause(Target target, Duration length, String reason, PrintWriter out)
      throws IOException {
    if (length.isNegative() || length.isZero() || length.compareTo(Pause.MAX) > 0) {
      throw new IllegalArgumentException("a pause lasts more than 0s and at most 7d");
    }
    Optional<String> problem = Pause.reasonProblem(reason);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    Instant now = host.clock().instant();
    Pause pause = new Pause(now, now.plus(length), reason.strip());
    new Pauses(host.root()).start(target.id(), pause);
    try (EngineLog log = log(target, out)) {
      log.line(
          "=== Maintenance Pause: "
              + target.id()
              + " "
              + pause.words()
              + ": checks run, restarts and alerts are held ===");
      Notifications.load(host, log, current).pauseChanged(target, Optional.of(pause));
    }
    return pause;
  }

  /**
   * Ends a target's pause now.
   *
   * @return the pause that held, or empty when none did (then nothing is logged)
   */
  public Optional<Pause> resume(Target target, PrintWriter out) throws IOException {
    Instant now = host.clock().instant();
    Optional<Pause> was = new Pauses(host.root()).end(target.id(), now);
    if (was.isPresent()) {
      try (EngineLog log = log(target, out)) {
        log.line(
            "=== Maintenance Pause Ended: "
                + target.id()
                + " resumed early ("
                + Pause.span(was.get().left(now))
                + " before "
                + was.get().until()
                + Pauses.reasonWords(was.get())
                + "): restarts and alerts are back on ===");
        Notifications.load(host, log, current).pauseChanged(target, Optional.empty());
      }
    }
    return was;
  }

  /** The pause that holds now, read without changing anything (for status and the menu). */
  public Optional<Pause> of(Target target) {
    return new Pauses(host.root()).holding(target.id(), host.clock().instant());
  }

  private EngineLog log(Target target, PrintWriter out) {
    return new EngineLog(
        host.root().resolve(target.paths().healthLog()),
        out,
        host.clock(),
        new UserFiles(host.runner()));
  }
}
