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

  /**
   * Kills {@code root} and everything below it. The root goes first, so a script cannot notice its
   * child dying and go on to its next line; the tree below it is read before that, because once the
   * root is gone its children belong to init and no longer show as its descendants.
   */
  public static void kill(ProcessHandle root) {
    List<ProcessHandle> below = root.descendants().collect(Collectors.toList());
    root.destroyForcibly();
    for (ProcessHandle child : below) {
      killDescendants(child);
      child.destroyForcibly();
    }
  }
}
