package org.watchdogmenu.monitor;

import sun.misc.Signal;

/**
 * The monitor's signal handlers: SIGHUP reloads, SIGTERM and SIGINT stop cleanly (instead of the
 * JVM's default of exiting at once with status 143).
 */
final class Signals {
  private Signals() {}

  static void install(Monitor monitor) {
    Signal.handle(new Signal("HUP"), s -> monitor.requestReload());
    Signal.handle(new Signal("TERM"), s -> monitor.requestStop());
    Signal.handle(new Signal("INT"), s -> monitor.requestStop());
  }
}
