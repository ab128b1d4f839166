package org.watchdogmenu.install;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a file's unified diff.
 *
 * @param kind what the line is
 * @param text the line as {@code diff -u} prints it, its mark included ({@code +}, {@code -},
 *     space)
 */
public record DiffLine(Kind kind, String text) {
  /** What a diff line is. */
  public enum Kind {
    /** {@code --- name}: the file as it is now. */
    OLD_NAME,
    /** {@code +++ name}: the file as it will be. */
    NEW_NAME,
    /** {@code @@ -a,b +c,d @@}: where a hunk starts. */
    HUNK,
    /** A line that stays. */
    SAME,
    /** A line that comes. */
    ADDED,
    /** A line that goes. */
    REMOVED,
    /** {@code \ No newline at end of file}. */
    NOTE
  }

  /** The lines of a diff made by {@link UnifiedDiff}: its two names first, then its hunks. */
  static List<DiffLine> of(String unified) {
    List<DiffLine> lines = new ArrayList<>();
    if (unified.isEmpty()) {
      return lines;
    }
    String[] parts = unified.split("\n", -1);
    int n = unified.endsWith("\n") ? parts.length - 1 : parts.length;
    for (int i = 0; i < n; i++) {
      String l = parts[i];
      Kind kind;
      if (i == 0) {
        kind = Kind.OLD_NAME;
      } else if (i == 1) {
        kind = Kind.NEW_NAME;
      } else if (l.startsWith("@@")) {
        kind = Kind.HUNK;
      } else if (l.startsWith("+")) {
        kind = Kind.ADDED;
      } else if (l.startsWith("-")) {
        kind = Kind.REMOVED;
      } else if (l.startsWith("\\")) {
        kind = Kind.NOTE;
      } else {
        kind = Kind.SAME;
      }
      lines.add(new DiffLine(kind, l));
    }
    return lines;
  }
}
