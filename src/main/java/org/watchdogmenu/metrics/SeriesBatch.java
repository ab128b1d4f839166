package org.watchdogmenu.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The Prometheus series a long-running process (the monitor) changed since its last {@link #flush}:
 * kept in memory, written in one read-modify-write of the textfile per flush instead of one per
 * check, so hundreds of targets cost one write a tick. What a flush cannot write stays for the next
 * one.
 */
public final class SeriesBatch {
  private record Pending(
      PrometheusTextfile file,
      Map<String, List<UnaryOperator<TargetSeries>>> changes,
      Predicate<String> current) {}

  private final Map<String, Pending> pending = new LinkedHashMap<>();

  synchronized void add(
      PrometheusTextfile file,
      String target,
      UnaryOperator<TargetSeries> change,
      Predicate<String> current) {
    String key = file.state() + "\0" + file.textfile();
    Pending p =
        pending.computeIfAbsent(key, k -> new Pending(file, new LinkedHashMap<>(), current));
    p.changes().computeIfAbsent(target, t -> new ArrayList<>()).add(change);
  }

  /** Whether anything waits to be written. */
  public synchronized boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * Writes what changed since the last flush.
   *
   * @return problems for the log (empty when all went well)
   */
  public List<String> flush() {
    List<Pending> now;
    synchronized (this) {
      now = new ArrayList<>(pending.values());
      pending.clear();
    }
    List<String> problems = new ArrayList<>();
    for (Pending p : now) {
      try {
        p.file().update(p.changes(), p.current());
      } catch (IOException e) {
        problems.add("Metrics: Prometheus textfile not written: " + e.getMessage());
        putBack(p);
      }
    }
    return problems;
  }

  /** Changes that could not be written go before any made since. */
  private synchronized void putBack(Pending p) {
    String key = p.file().state() + "\0" + p.file().textfile();
    Pending later = pending.remove(key);
    pending.put(key, p);
    if (later != null) {
      later
          .changes()
          .forEach(
              (t, steps) -> p.changes().computeIfAbsent(t, x -> new ArrayList<>()).addAll(steps));
    }
  }
}
