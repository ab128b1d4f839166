package org.watchdogmenu.tui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * A fake service manager for screens that ask in the background, from several threads and again
 * every few seconds: it answers exact argv only, as often as asked and in any order; any other
 * command is "not installed" and is listed in {@link #unexpected}.
 */
final class ExactCommands implements CommandRunner {
  private final Map<List<String>, CommandResult> answers = new ConcurrentHashMap<>();
  private final Map<List<String>, CountDownLatch[]> holds = new ConcurrentHashMap<>();
  private final List<List<String>> seen = new ArrayList<>();
  private final List<List<String>> unexpected = new ArrayList<>();

  /** {@code systemctl show UNIT ...} as systemd answers for a unit in that state. */
  ExactCommands unit(String unit, String activeState, String subState, long activeSinceEpoch) {
    return answer(
        CommandResult.exited(
            0,
            "LoadState=loaded\nActiveState="
                + activeState
                + "\nSubState="
                + subState
                + "\nActiveEnterTimestamp=@"
                + activeSinceEpoch
                + "\n",
            "",
            Duration.ofMillis(1)),
        "systemctl",
        "show",
        unit,
        "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
        "--timestamp=unix");
  }

  ExactCommands answer(CommandResult result, String... argv) {
    answers.put(List.of(argv), result);
    return this;
  }

  /**
   * Holds the command until {@code release} opens; {@code reached} opens when it is run. So a test
   * sees what a screen shows while the command is still running.
   */
  ExactCommands hold(CountDownLatch reached, CountDownLatch release, String... argv) {
    holds.put(List.of(argv), new CountDownLatch[] {reached, release});
    return this;
  }

  @Override
  public CommandResult run(Command command) {
    List<String> argv = command.argv();
    synchronized (this) {
      seen.add(argv);
    }
    CountDownLatch[] hold = holds.get(argv);
    if (hold != null) {
      hold[0].countDown();
      try {
        if (!hold[1].await(60, TimeUnit.SECONDS)) {
          return CommandResult.timedOut("", "", Duration.ofSeconds(60));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    CommandResult r = answers.get(argv);
    if (r == null) {
      synchronized (this) {
        unexpected.add(argv);
      }
      return CommandResult.notStarted(argv.get(0) + ": error=2, No such file or directory");
    }
    return r;
  }

  synchronized List<List<String>> seen() {
    return List.copyOf(seen);
  }

  synchronized List<List<String>> unexpected() {
    return List.copyOf(unexpected);
  }
}
