package org.watchdogmenu.tui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * A fake service manager for screens that ask in the background, from several threads and again
 * every few seconds: it answers exact argv only, as often as asked and in any order; any other
 * command is "not installed" and is listed in {@link #unexpected}, which {@link VirtualMenu} checks
 * after every key, so a screen that runs a command no test scripted fails its test.
 */
final class ExactCommands implements CommandRunner {
  private final Map<List<String>, CommandResult> answers = new ConcurrentHashMap<>();
  private final Map<List<String>, CountDownLatch[]> holds = new ConcurrentHashMap<>();
  private final List<List<String>> seen = new ArrayList<>();
  private final List<List<String>> unexpected = new ArrayList<>();
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Map<Thread, CountDownLatch> holding = new ConcurrentHashMap<>();
  private final Map<List<String>, Runnable> actions = new ConcurrentHashMap<>();
  private volatile CommandResult noServiceManager;

  /** The scripted commands behind {@code runner}, when it has them. */
  static java.util.Optional<ExactCommands> of(CommandRunner runner) {
    if (runner instanceof ExactCommands e) {
      return java.util.Optional.of(e);
    }
    if (runner instanceof RealValidators r) {
      return java.util.Optional.of(r.rest());
    }
    return java.util.Optional.empty();
  }

  /** The question the menu asks of systemd about {@code unit}. */
  static List<String> serviceQuestion(String unit) {
    return List.of(
        "systemctl",
        "show",
        unit,
        "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
        "--timestamp=unix");
  }

  /**
   * Every unit asked about as systemd answers on a host where it is not running (a container, a
   * sandbox): the answer this machine gives. Other commands are still unexpected.
   */
  ExactCommands noServiceManager() {
    noServiceManager =
        CommandResult.exited(
            1,
            "",
            "System has not been booted with systemd as init system (PID 1). Can't operate.\n"
                + "Failed to connect to bus: Host is down\n",
            Duration.ofMillis(1));
    return this;
  }

  /** {@code program} is not installed: any command of it is not started, as on such a host. */
  ExactCommands missing(String program) {
    missing.add(program);
    return this;
  }

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

  /** Answers {@code argv} with exit 0 after doing {@code action}, as the real program would. */
  ExactCommands does(Runnable action, String... argv) {
    actions.put(List.of(argv), action);
    return answer(CommandResult.exited(0, "", "", Duration.ofMillis(1)), argv);
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
      Thread thread = Thread.currentThread();
      holding.put(thread, hold[1]);
      hold[0].countDown();
      try {
        if (!hold[1].await(60, TimeUnit.SECONDS)) {
          return CommandResult.timedOut("", "", Duration.ofSeconds(60));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        holding.remove(thread);
      }
    }
    if (missing.contains(command.program())) {
      return CommandResult.notStarted(command.program() + ": error=2, No such file or directory");
    }
    Runnable action = actions.get(argv);
    if (action != null) {
      action.run();
    }
    CommandResult r = answers.get(argv);
    if (r == null && noServiceManager != null && isServiceQuestion(argv)) {
      r = noServiceManager;
    }
    if (r == null) {
      synchronized (this) {
        unexpected.add(argv);
      }
      return CommandResult.notStarted(argv.get(0) + ": error=2, No such file or directory");
    }
    return r;
  }

  private static boolean isServiceQuestion(List<String> argv) {
    return argv.size() == 5 && argv.equals(serviceQuestion(argv.get(2)));
  }

  /**
   * How many commands are held now on threads named {@code thread}: a command whose release has
   * opened is no longer held, even before its thread wakes.
   */
  int heldOn(String thread) {
    return (int)
        holding.entrySet().stream()
            .filter(e -> e.getKey().getName().equals(thread) && e.getValue().getCount() > 0)
            .count();
  }

  synchronized List<List<String>> seen() {
    return List.copyOf(seen);
  }

  synchronized List<List<String>> unexpected() {
    return List.copyOf(unexpected);
  }
}
