package org.watchdogmenu.monitor;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the checks: at most one at a time per target, each on a thread of its own so a slow target
 * never delays the others. Threads exist only while checks run (they end after a short idle time),
 * so twenty quiet targets cost no more than the one or two being checked.
 */
final class Runs {
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService pool;

  Runs() {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            15,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "monitor-check-" + n.incrementAndGet());
              t.setDaemon(false);
              return t;
            });
  }

  /**
   * Starts {@code check} for the target unless one is still running for it.
   *
   * @return false when a check of this target is still running (nothing was started)
   */
  boolean start(String id, Runnable check) {
    if (!running.add(id)) {
      return false;
    }
    try {
      pool.execute(
          () -> {
            try {
              check.run();
            } finally {
              running.remove(id);
            }
          });
    } catch (RuntimeException e) {
      running.remove(id);
      throw e;
    }
    return true;
  }

  /** The targets being checked now. */
  Set<String> running() {
    return Set.copyOf(running);
  }

  /**
   * Starts nothing more and waits for the running checks to finish (a restart in progress completes
   * and releases its lock).
   *
   * @return true when every check finished within {@code limit}
   */
  boolean finish(Duration limit) throws InterruptedException {
    pool.shutdown();
    return pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
  }
}
