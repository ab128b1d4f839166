package org.watchdogmenu.cli;

import picocli.CommandLine.Option;

/** The options every file-changing command shares. */
final class PlanOptions {
  @Option(
      names = "--dry-run",
      description = "Show the plan (files with diffs, commands); change nothing.")
  boolean dryRun;

  @Option(
      names = "--yes",
      description =
          "Confirm a plan that needs a deliberate yes (e.g. a sudo rule that amounts to full root).")
  boolean yes;
}
