package org.watchdogmenu.install;

import java.util.List;

/**
 * One part of a plan as the preview shows it, in order: its command line, each file with its diff,
 * the commands, the warnings and the reason a deliberate yes is needed. {@link Plan#preview()}
 * writes them as text for the command line; the menu draws them.
 */
public sealed interface PlanPart {
  /** The command line that makes the plan, e.g. {@code watchdog-menu enable x --health 5m}. */
  record Title(String command) implements PlanPart {}

  /** Applying the plan would change nothing. */
  record NothingToChange() implements PlanPart {}

  /**
   * A file created, replaced or removed.
   *
   * @param change what happens to it
   * @param path its host path
   * @param mode its mode after the change (null for a removal)
   * @param owner its owner after the change (null for a removal)
   * @param group its group after the change (null for a removal)
   * @param restore it gets back the content it had before (undo)
   * @param diff its unified diff against what is there now (secrets masked); empty when only the
   *     mode or owner changes, or when a file to remove is not there
   */
  record FileChange(
      Change change,
      String path,
      String mode,
      String owner,
      String group,
      boolean restore,
      List<DiffLine> diff)
      implements PlanPart {
    public FileChange {
      diff = List.copyOf(diff);
    }
  }

  /** What happens to a file. */
  enum Change {
    CREATE,
    REPLACE,
    REMOVE
  }

  /** Commands run in order, before or after the files change. */
  record Commands(When when, List<PlanCommand> commands) implements PlanPart {
    public Commands {
      commands = List.copyOf(commands);
    }

    /** The heading of this group of commands, e.g. {@code Commands, after the files:}. */
    public String heading() {
      return "Commands, " + when.words + " the files:";
    }
  }

  /** When a group of commands runs: things turned off go before their files are removed. */
  enum When {
    BEFORE_FILES("before"),
    AFTER_FILES("after");

    private final String words;

    When(String words) {
      this.words = words;
    }
  }

  /** Something the operator should know before applying. */
  record Warning(String text) implements PlanPart {}

  /** Why the plan needs a deliberate yes. */
  record Confirmation(String reason) implements PlanPart {}
}
