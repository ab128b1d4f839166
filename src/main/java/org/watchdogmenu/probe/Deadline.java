package org.watchdogmenu.probe;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The end of the probe's time; every read and connect gets only what is left. */
final class Deadline {
  private final long end;

  Deadline(Duration timeout) {
    end = System.nanoTime() + timeout.toNanos();
  }

  int remainingMillis() throws SocketTimeoutException {
    long left = (end - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("out of time");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
