package org.watchdogmenu.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

/**
 * What {@code status} and the menu say about continuous mode: which targets are monitored, and
 * whether the monitor process is alive (by its {@link Heartbeat}).
 *
 * @param list the monitored targets ({@link MonitorList#EMPTY} when the file is broken)
 * @param problem why the list could not be read, when it could not
 * @param beat the last heartbeat, if any
 * @param running the process of that beat exists and beat recently
 */
public record MonitorState(
    MonitorList list, Optional<String> problem, Optional<Heartbeat.Beat> beat, boolean running) {

  /** Reads the list and the heartbeat; never throws. */
  public static MonitorState read(HostRoot root, Instant now) {
    MonitorList list;
    Optional<String> problem = Optional.empty();
    try {
      list = MonitorList.read(root);
    } catch (ConfigException e) {
      list = MonitorList.EMPTY;
      problem = Optional.of(e.getMessage());
    }
    Optional<Heartbeat.Beat> beat = Heartbeat.read(root);
    return new MonitorState(list, problem, beat, beat.map(b -> b.alive(now)).orElse(false));
  }

  /** One line about the process: {@code running (pid 812, last beat 4s ago)}. */
  public String processWords(Instant now) {
    if (running) {
      Heartbeat.Beat b = beat.orElseThrow();
      long ago = Math.max(0, Duration.between(b.at(), now).getSeconds());
      return "running (pid " + b.pid() + ", last beat " + ago + "s ago)";
    }
    return beat.map(b -> "not running (last beat " + b.at() + " by pid " + b.pid() + ")")
        .orElse("not running");
  }
}
