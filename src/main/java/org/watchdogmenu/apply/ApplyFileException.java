package org.watchdogmenu.apply;

/**
 * A desired-state file (or its secrets) that cannot be applied: one line naming the file, the line,
 * the key and what to do. Nothing has been written when it is thrown.
 */
public final class ApplyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ApplyFileException(String line) {
    super(line.replaceAll("[\\r\\n]+", " "));
  }
}
