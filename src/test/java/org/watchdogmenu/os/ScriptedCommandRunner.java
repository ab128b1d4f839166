package org.watchdogmenu.os;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CommandRunner} for unit tests: it answers only the commands scripted for it, in order,
 * with the exact argv, and fails the test on any other command.
 *
 * <pre>
 * runner.expect("systemctl", "restart", "paqet-server.service").exits(0);
 * runner.expect("pm2", "jlist").prints("[]");
 * ...
 * runner.verifyAllUsed();
 * </pre>
 */
public final class ScriptedCommandRunner implements CommandRunner {
  private final Deque<Expectation> expected = new ArrayDeque<>();
  private final List<Command> seen = new ArrayList<>();

  public Expectation expect(String... argv) {
    Expectation e = new Expectation(List.of(argv));
    expected.add(e);
    return e;
  }

  @Override
  public synchronized CommandResult run(Command command) {
    seen.add(command);
    Expectation next = expected.poll();
    if (next == null) {
      throw new AssertionError(
          "unexpected command: " + command.argv() + " (nothing more was scripted)");
    }
    if (!next.argv.equals(command.argv())) {
      throw new AssertionError("unexpected command: " + command.argv() + ", expected " + next.argv);
    }
    if (next.sideEffect != null) {
      next.sideEffect.accept(command);
    }
    return next.result;
  }

  /** Every command run so far, in order. */
  public synchronized List<Command> seen() {
    return List.copyOf(seen);
  }

  public synchronized void verifyAllUsed() {
    if (!expected.isEmpty()) {
      throw new AssertionError(
          "scripted commands never ran: " + expected.stream().map(e -> e.argv).toList());
    }
  }

  /** One scripted command and its answer (exit 0, no output, unless told otherwise). */
  public static final class Expectation {
    private final List<String> argv;
    private CommandResult result = CommandResult.exited(0, "", "", Duration.ofMillis(1));
    private Consumer<Command> sideEffect;

    private Expectation(List<String> argv) {
      this.argv = argv;
    }

    public Expectation exits(int code) {
      result = CommandResult.exited(code, result.stdout(), result.stderr(), result.elapsed());
      return this;
    }

    public Expectation prints(String stdout) {
      result = CommandResult.exited(result.exitCode(), stdout, result.stderr(), result.elapsed());
      return this;
    }

    public Expectation printsError(String stderr) {
      result = CommandResult.exited(result.exitCode(), result.stdout(), stderr, result.elapsed());
      return this;
    }

    public Expectation timesOut() {
      result = CommandResult.timedOut("", "", Duration.ofSeconds(5));
      return this;
    }

    public Expectation isMissing() {
      result = CommandResult.notStarted(argv.get(0) + ": error=2, No such file or directory");
      return this;
    }

    /** Runs {@code action} when the command is run, e.g. to move a fake clock. */
    public Expectation andThen(Consumer<Command> action) {
      sideEffect = action;
      return this;
    }
  }
}
