package org.watchdogmenu.os;

import java.time.Duration;

/** Waits. Injected so tests can move a fake clock instead of sleeping. */
public interface Sleeper {

  Sleeper SYSTEM =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting", e);
        }
      };

  void sleep(Duration duration);
}
