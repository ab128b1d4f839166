package org.watchdogmenu.os;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Another process for {@link LockFileIT}: takes the lock on {@code args[0]}, prints "locked" and
 * holds it until its stdin closes (or it is killed).
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Optional<LockFile.Held> held =
        LockFile.acquire(Path.of(args[0]), Duration.ofSeconds(10), Clock.systemUTC());
    if (held.isEmpty()) {
      System.out.println("busy");
      System.exit(1);
    }
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() != -1) {
      // hold the lock until the parent closes our stdin
    }
    held.get().close();
    System.out.println("released");
  }
}
