package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Finds test processes by a unique marker in their command line, with the real pgrep. */
final class Processes {
  private Processes() {}

  /**
   * A number for {@code sleep} that no other process on the machine has in its command line, e.g.
   * {@code 20.4817263}: the whole part is the sleep in seconds.
   */
  static String marker(int seconds) {
    return seconds + "." + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
  }

  /** Pids whose command line contains {@code text}, as {@code pgrep -f} sees them. */
  static List<Long> pgrep(String text) {
    try {
      Process p = new ProcessBuilder("pgrep", "-f", text).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.lines().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
    } catch (IOException e) {
      throw new IllegalStateException("pgrep failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits up to {@code millis} for no process to match {@code text}; returns what is left. */
  static List<Long> awaitGone(String text, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    List<Long> left = pgrep(text);
    while (!left.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
      left = pgrep(text);
    }
    return left;
  }

  /** Kills, by pid, every process whose command line contains {@code text}. */
  static void killAll(String text) {
    for (long pid : pgrep(text)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
