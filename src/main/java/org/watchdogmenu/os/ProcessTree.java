package org.watchdogmenu.os;

import java.util.List;
import java.util.stream.Collectors;

/** Kills a process and everything it started. */
public final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills every descendant of {@code root} with SIGKILL, deepest first, twice over so that a child
   * forked during the first pass does not survive.
   */
  public static void killDescendants(ProcessHandle root) {
    for (int pass = 0; pass < 2; pass++) {
      List<ProcessHandle> all = root.descendants().collect(Collectors.toList());
      for (int i = all.size() - 1; i >= 0; i--) {
        all.get(i).destroyForcibly();
      }
    }
  }

  /** Kills the tree below {@code root} and then {@code root} itself. */
  public static void kill(ProcessHandle root) {
    killDescendants(root);
    root.destroyForcibly();
  }
}
