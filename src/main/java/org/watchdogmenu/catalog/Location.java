package org.watchdogmenu.catalog;

/** A line in a file, as operators see it: {@code /etc/watchdog-menu/targets/web.yaml line 7}. */
record Location(String file, int line) {
  @Override
  public String toString() {
    return file + " line " + line;
  }
}
