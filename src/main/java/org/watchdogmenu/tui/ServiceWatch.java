package org.watchdogmenu.tui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.service.ServiceState;

/**
 * Whether each target's service runs, asked of its service manager off the screen's thread: two
 * threads at most, each question cut to {@link #TIMEOUT}, each answer kept with its time and asked
 * again once it is {@link #FRESH} old. A screen never waits: until the first answer it has none.
 */
final class ServiceWatch {
  /** How long one question to a service manager may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** How old an answer may be before it is asked again. */
  static final Duration FRESH = Duration.ofSeconds(10);

  /** The name of the threads that ask. */
  static final String THREAD = "service states";

  /**
   * An answer.
   *
   * @param at when it was given (the host's clock)
   */
  record Seen(ServiceState state, Instant at) {}

  private final Engine engine;
  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Set<String> asking = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answers = new AtomicInteger();
  private final ThreadPoolExecutor pool;

  ServiceWatch(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
    this.pool =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            r -> {
              Thread t = new Thread(r, THREAD);
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /** The last answer for the target, if any; asks again (in the background) when it is old. */
  Optional<Seen> state(Target target) {
    Seen s = seen.get(target.id());
    Duration age = s == null ? FRESH : Duration.between(s.at(), clock.instant());
    if (age.isNegative() || age.compareTo(FRESH) >= 0) {
      ask(target);
    }
    return Optional.ofNullable(s);
  }

  /** Asks again now, e.g. after a restart: the old answer stays shown until the new one comes. */
  void refresh(Target target) {
    ask(target);
  }

  /** Grows by one with every answer: a screen that saw another number has something new. */
  int answers() {
    return answers.get();
  }

  /** How many questions are out (asked and not yet answered). */
  int out() {
    return asking.size();
  }

  private void ask(Target target) {
    String id = target.id();
    if (!asking.add(id)) {
      return;
    }
    try {
      pool.execute(
          () -> {
            try {
              ServiceState state = engine.serviceState(target, TIMEOUT);
              seen.put(id, new Seen(state, clock.instant()));
              answers.incrementAndGet();
            } finally {
              asking.remove(id);
            }
          });
    } catch (RejectedExecutionException e) {
      asking.remove(id);
    }
  }
}
