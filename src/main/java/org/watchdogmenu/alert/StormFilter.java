package org.watchdogmenu.alert;

import java.time.Duration;
import java.time.Instant;
import org.watchdogmenu.model.Durations;

/**
 * Decides whether an event is worth an alert, so a restart storm does not become an alert storm:
 *
 * <ul>
 *   <li>each kind is sent at most once per target per window (the target's restart window);
 *   <li>"limit reached" is sent once per window even when nothing else would be;
 *   <li>"recovered" is sent only when a failure was alerted before, and then always (it closes what
 *       the operator was told); a channel that missed it while another took it gets it at the next
 *       healthy check ({@link Verdict#OWED}), so Alertmanager never keeps a recovered target's
 *       alert firing;
 *   <li>a failure held back by the window is sent as a reminder when the target has been down and
 *       silent for {@code remind_every}.
 * </ul>
 */
final class StormFilter {
  private StormFilter() {}

  /** The verdict, and why, for the log. */
  record Decision(Verdict verdict, String reason) {}

  /** What to do with an event. */
  enum Verdict {
    SEND,
    REMIND,
    /** A recovery only for the channels that missed the last one. */
    OWED,
    SUPPRESS
  }

  static Decision decide(
      AlertMemory memory, AlertEvent event, Duration window, Duration remindEvery) {
    Instant now = event.at();
    if (event.kind() == AlertKind.RECOVERED) {
      if (memory.downSince() != null) {
        return new Decision(Verdict.SEND, "down since " + memory.downSince());
      }
      return memory.owed().isEmpty()
          ? new Decision(Verdict.SUPPRESS, "no failure was alerted, so there is nothing to clear")
          : new Decision(
              Verdict.OWED, "the last recovery did not reach " + String.join(", ", memory.owed()));
    }
    Instant last = memory.lastSent(event.kind());
    if (last == null || !now.isBefore(last.plus(window)) || now.isBefore(last)) {
      return new Decision(Verdict.SEND, "first " + event.kind().key() + " in this window");
    }
    if (event.kind().failure() && remindEvery != null && memory.downSince() != null) {
      Instant silentSince = memory.lastSentAny();
      if (silentSince == null || !now.isBefore(silentSince.plus(remindEvery))) {
        return new Decision(
            Verdict.REMIND, "still down since " + memory.downSince() + ", reminder due");
      }
    }
    return new Decision(
        Verdict.SUPPRESS,
        "already sent at "
            + last
            + " (one "
            + event.kind().key()
            + " per "
            + Durations.words(window)
            + ")");
  }
}
