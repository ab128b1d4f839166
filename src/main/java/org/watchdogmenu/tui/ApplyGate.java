package org.watchdogmenu.tui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a change in progress finish before the menu goes away: work runs holding the gate (several
 * at once: a restart going on in the background while a plan is applied), and the shutdown hook
 * (Ctrl-C sent as a signal, SIGHUP of a dropped SSH connection, SIGTERM) waits for all of it before
 * it restores the terminal.
 */
final class ApplyGate {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  <T> T run(Callable<T> work) {
    lock.readLock().lock();
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs work that answers nothing, holding the gate as {@link #run(Callable)} does. */
  void run(Task work) {
    run(
        () -> {
          work.run();
          return Boolean.TRUE;
        });
  }

  /** Work that answers nothing. */
  interface Task {
    void run() throws Exception;
  }

  /**
   * Waits until no work runs (at most {@code seconds}) and keeps the gate shut, so no new work
   * starts while the program ends; true when it got it.
   */
  boolean close(long seconds) {
    try {
      return lock.writeLock().tryLock(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
