package org.watchdogmenu.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one event through every channel at once, at most {@value #PARALLEL} at a time, and returns
 * when all have answered or the slowest channel's timeout (plus a short margin) has passed: a
 * channel that hangs is given up on and reported, never waited for.
 */
final class Dispatcher {
  static final int PARALLEL = 8;
  static final Duration MARGIN = Duration.ofSeconds(1);

  private Dispatcher() {}

  static List<ChannelResult> send(List<Channel> channels, AlertEvent event) {
    if (channels.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(PARALLEL, channels.size()),
            r -> {
              Thread t = new Thread(r, "alert-channel");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<ChannelResult>> sent = new ArrayList<>();
      for (Channel c : channels) {
        sent.add(pool.submit(() -> c.send(event)));
      }
      long begin = System.nanoTime();
      long deadline = begin + budget(channels).toNanos();
      List<ChannelResult> results = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        results.add(await(channels.get(i), sent.get(i), begin, deadline));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The longest a whole send may take: channels beyond the first {@value #PARALLEL} queue. */
  static Duration budget(List<Channel> channels) {
    Duration slowest = Duration.ZERO;
    for (Channel c : channels) {
      slowest = c.timeout().compareTo(slowest) > 0 ? c.timeout() : slowest;
    }
    int rounds = (channels.size() + PARALLEL - 1) / PARALLEL;
    return slowest.multipliedBy(Math.max(1, rounds)).plus(MARGIN);
  }

  private static ChannelResult await(
      Channel channel, Future<ChannelResult> future, long begin, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new ChannelResult(
          channel.name(),
          false,
          "gave up after its timeout of " + channel.timeout().toMillis() + "ms",
          Duration.ofNanos(System.nanoTime() - begin));
    } catch (ExecutionException e) {
      return new ChannelResult(channel.name(), false, "failed: " + e.getCause(), Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new ChannelResult(channel.name(), false, "interrupted", Duration.ZERO);
    }
  }
}
