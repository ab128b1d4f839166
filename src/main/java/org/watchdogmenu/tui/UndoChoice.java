package org.watchdogmenu.tui;

import java.util.Optional;
import org.watchdogmenu.install.InstallException;

/**
 * The first menu's "Undo the last change": the change on record that {@code watchdog-menu undo}
 * takes back, in words; picking it previews the undo (files put back, what it created removed, what
 * it started stopped), applied on {@code a} then {@code y}.
 */
final class UndoChoice {
  static final String LABEL = "Undo the last change";

  private UndoChoice() {}

  static Choice of(Session session) {
    Optional<String> last;
    try {
      last = session.installer().lastChange();
    } catch (InstallException e) {
      return Choice.disabled(LABEL, session.readOnlyReason().orElse(e.getMessage()));
    }
    if (last.isEmpty()) {
      return Choice.disabled(LABEL, "nothing to undo: watchdog-menu has no change on record");
    }
    return new Choice(
        LABEL,
        last.get(),
        Tone.PLAIN,
        null,
        () ->
            PlanView.open(
                session, "Undo", () -> session.installer().planner().undo(), PlanView.TO_FIRST));
  }
}
