package org.watchdogmenu.monitor;

import java.util.List;
import org.watchdogmenu.catalog.OneTarget;
import org.watchdogmenu.os.HostRoot;

/**
 * Makes the compiled form of targets ({@link OneTarget}) whose form is missing or out of date, so
 * that the monitor can read every target without parsing YAML itself. Whatever it cannot compile (a
 * broken file, an unknown id) the monitor reads through the whole catalog, which names the problem.
 */
@FunctionalInterface
public interface TargetCompiler {
  /** Compiles these targets under root, as far as they load cleanly. */
  void compile(HostRoot root, List<String> ids);

  /** In this process: the catalog's parsers are loaded here, and stay. */
  static TargetCompiler inProcess() {
    return OneTarget::compile;
  }
}
