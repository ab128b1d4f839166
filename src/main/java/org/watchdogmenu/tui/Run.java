package org.watchdogmenu.tui;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A check or a restart going on in a thread of its own, holding the {@link ApplyGate} so quitting
 * waits for it; its lines go to a {@link LineBuffer} the screen reads, its result is kept when it
 * ends. Leaving its screen does not stop it: the engine logs it as always.
 *
 * @param <T> what the work returns (the engine's result)
 */
final class Run<T> {
  /** Engine work that prints its lines to {@code out} and returns its result. */
  interface Work<T> {
    T run(PrintWriter out) throws Exception;
  }

  private final String name;
  private final LineBuffer lines = new LineBuffer();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile T result;

  private Run(String name) {
    this.name = name;
  }

  /**
   * Starts {@code work} in its own thread, under {@code gate}.
   *
   * @param name what it is, e.g. {@code the restart of paqet-server}
   */
  static <T> Run<T> start(String name, ApplyGate gate, Work<T> work) {
    Run<T> run = new Run<>(name);
    Thread thread = new Thread(() -> run.go(gate, work), name);
    thread.setDaemon(true);
    thread.start();
    return run;
  }

  private void go(ApplyGate gate, Work<T> work) {
    PrintWriter out = new PrintWriter(lines, true);
    try {
      result = gate.run(() -> work.run(out));
    } catch (RuntimeException e) {
      out.println("Failed: " + e.getMessage());
    } finally {
      out.flush();
      lines.close();
      finished.countDown();
    }
  }

  String name() {
    return name;
  }

  LineBuffer lines() {
    return lines;
  }

  boolean done() {
    return finished.getCount() == 0;
  }

  /** The result once it has ended (empty while it runs or when it failed). */
  Optional<T> result() {
    return done() ? Optional.ofNullable(result) : Optional.empty();
  }

  /** Waits at most {@code millis} for the end; true when it has ended. */
  boolean await(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
  }
}
