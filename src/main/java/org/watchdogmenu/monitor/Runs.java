package org.watchdogmenu.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the checks: at most one at a time per target, on a bounded pool of threads sized for the
 * number of targets ({@link #threadsFor}), so a slow target never delays the others while threads
 * are free, and five hundred targets cost a few dozen threads, not hundreds. A check that has to
 * wait for a thread starts late; each late start is counted and {@link #takeLate} hands them to the
 * monitor's log. Idle threads end after the shortest interval (at most {@link #MAX_IDLE}).
 */
final class Runs {
  /** The most threads, whatever the number of targets. */
  static final int MAX_THREADS = 64;

  /** Targets per thread: most checks take milliseconds; the rest wait on a probe or a grace. */
  static final int TARGETS_PER_THREAD = 8;

  static final Duration MAX_IDLE = Duration.ofSeconds(10);

  /** A check started later than this after it was due is late. */
  static final Duration LATE = Duration.ofSeconds(2);

  /** What {@link #takeLate} reports: how many checks started late, the latest, a few of them. */
  record Late(int count, Duration worst, List<String> some) {}

  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;
  private final List<String> lateIds = new ArrayList<>();
  private int lateCount;
  private Duration worst = Duration.ZERO;

  Runs() {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threadsFor(0),
            threadsFor(0),
            MAX_IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "monitor-check-" + n.incrementAndGet());
              t.setDaemon(false);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** The threads for this many targets: one per {@value #TARGETS_PER_THREAD}, 2 to 64. */
  static int threadsFor(int targets) {
    return Math.max(
        2, Math.min(MAX_THREADS, (targets + TARGETS_PER_THREAD - 1) / TARGETS_PER_THREAD));
  }

  /**
   * Fits the pool to the targets followed now.
   *
   * @param shortest the shortest interval among them: idle threads end after it (at most {@link
   *     #MAX_IDLE})
   */
  void fit(int targets, Duration shortest) {
    int n = threadsFor(targets);
    if (n > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(n);
      pool.setCorePoolSize(n);
    } else {
      pool.setCorePoolSize(n);
      pool.setMaximumPoolSize(n);
    }
    Duration idle = shortest.compareTo(MAX_IDLE) < 0 ? shortest : MAX_IDLE;
    pool.setKeepAliveTime(Math.max(1000, idle.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** The threads the pool may use now. */
  int threads() {
    return pool.getMaximumPoolSize();
  }

  /** Starts {@code check} for the target, due now, unless one is still running for it. */
  boolean start(String id, Runnable check) {
    return start(id, System.nanoTime(), check);
  }

  /**
   * Starts {@code check} for the target unless one is still running (or waiting) for it.
   *
   * @param dueNanos {@link System#nanoTime} when it was due, to tell a late start
   * @return false when a check of this target is still running (nothing was started)
   */
  boolean start(String id, long dueNanos, Runnable check) {
    if (!running.add(id)) {
      return false;
    }
    try {
      pool.execute(
          () -> {
            try {
              noteStart(id, Duration.ofNanos(System.nanoTime() - dueNanos));
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

  private synchronized void noteStart(String id, Duration delay) {
    if (delay.compareTo(LATE) > 0) {
      lateCount++;
      if (delay.compareTo(worst) > 0) {
        worst = delay;
      }
      if (lateIds.size() < 5) {
        lateIds.add(id);
      }
    }
  }

  /** The late starts since the last call, or empty; resets the count. */
  synchronized java.util.Optional<Late> takeLate() {
    if (lateCount == 0) {
      return java.util.Optional.empty();
    }
    Late late = new Late(lateCount, worst, List.copyOf(lateIds));
    lateCount = 0;
    worst = Duration.ZERO;
    lateIds.clear();
    return java.util.Optional.of(late);
  }

  /** The targets being checked now (or waiting for a thread). */
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
