package org.watchdogmenu.install;

import java.util.List;

/**
 * What an apply did.
 *
 * @param applyId the id it is recorded under (its backups are in backups/ID), or null for undo and
 *     uninstall
 * @param lines one line per file and command, for the operator
 * @param commandsOk false when a command after the files failed (the files stay in place)
 */
public record ApplyResult(String applyId, List<String> lines, boolean commandsOk) {
  public ApplyResult {
    lines = List.copyOf(lines);
  }
}
