package org.watchdogmenu.install;

import java.util.List;

/** Checks one file before it is written (and again in {@code doctor}). */
interface Validator {

  /**
   * The problems, each one line naming the file, the line where known, and why; empty when the file
   * is fine.
   */
  List<String> check(FileWrite file);
}
