package org.watchdogmenu.probe;

import java.time.Duration;

/** Measures how long a probe took, on the monotonic clock. */
final class Stopwatch {
  private final long start = System.nanoTime();

  static Stopwatch start() {
    return new Stopwatch();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  long millis() {
    return elapsed().toMillis();
  }
}
