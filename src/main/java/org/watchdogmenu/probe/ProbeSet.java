package org.watchdogmenu.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.ProbeSpec;

/**
 * The probes of one target, run in parallel. Each probe is bounded by its own timeout plus a small
 * margin: a probe that overruns is cut off and reported as FAIL "timed out after 5s", so the wall
 * time of a run is about the longest single timeout, not their sum. Probes run on daemon threads,
 * so a stuck one never keeps the JVM alive.
 */
public final class ProbeSet {
  /** How long past its own timeout a probe may take before it is cut off. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          10,
          TimeUnit.SECONDS, // an idle thread ends within a monitor's usual interval
          new SynchronousQueue<>(),
          task -> {
            Thread t = new Thread(task, "probe-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final List<ProbeSpec> specs;
  private final List<Probe> probes;

  ProbeSet(List<ProbeSpec> specs, List<Probe> probes) {
    if (specs.size() != probes.size()) {
      throw new IllegalArgumentException("one probe per spec");
    }
    this.specs = List.copyOf(specs);
    this.probes = List.copyOf(probes);
  }

  public static ProbeSet of(List<ProbeSpec> specs) {
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      probes.add(Probes.of(specs.get(i), i));
    }
    return new ProbeSet(specs, probes);
  }

  /** One probe's spec and what it found. */
  public record Outcome(ProbeSpec spec, ProbeResult result) {
    public boolean passed() {
      return result.passed();
    }
  }

  /** Runs every probe at once and returns their outcomes in spec order. */
  public List<Outcome> run(ProbeContext context) {
    long start = System.nanoTime();
    List<Future<ProbeResult>> running = new ArrayList<>();
    for (Probe probe : probes) {
      running.add(POOL.submit(() -> probe.run(context)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      ProbeSpec spec = specs.get(i);
      long deadline = start + spec.timeout().plus(MARGIN).toNanos();
      outcomes.add(new Outcome(spec, await(spec, running.get(i), deadline, start)));
    }
    return List.copyOf(outcomes);
  }

  /** Whether every outcome passed (a composite target is healthy only then). */
  public static boolean allPassed(List<Outcome> outcomes) {
    return outcomes.stream().allMatch(Outcome::passed);
  }

  private static ProbeResult await(
      ProbeSpec spec, Future<ProbeResult> future, long deadline, long start) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return ProbeResult.fail("timed out after " + Durations.format(spec.timeout()), since(start));
    } catch (ExecutionException e) {
      return ProbeResult.unknown(
          spec.type() + " probe failed unexpectedly: " + e.getCause(), since(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return ProbeResult.unknown("interrupted before the probe finished", since(start));
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
