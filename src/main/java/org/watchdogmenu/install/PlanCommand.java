package org.watchdogmenu.install;

import java.util.List;

/**
 * A command a plan runs after its files are in place.
 *
 * @param why one line for the preview
 * @param undo the command that reverses it for {@code undo}, or null when nothing needs reversing
 */
public record PlanCommand(List<String> argv, String why, List<String> undo) {

  public PlanCommand {
    argv = List.copyOf(argv);
    undo = undo == null ? null : List.copyOf(undo);
  }

  /**
   * Whether it turns something off ({@code disable}, {@code disable-linger}, {@code unstartup}): in
   * a plan that removes files it runs before they go, while the units still exist.
   */
  boolean turnsOff() {
    return argv.contains("disable")
        || argv.contains("disable-linger")
        || argv.contains("unstartup");
  }

  /** As typed in a shell. */
  public String display() {
    return String.join(" ", argv);
  }
}
