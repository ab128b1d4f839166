package org.watchdogmenu.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.RestartStep;

/**
 * The guard of the paqet server target on a scripted host with a mutable clock, its state file
 * where the old scripts kept it: what the guard's tests (fast and real) start from.
 */
abstract class GuardFixture {
  static final Instant T0 = Instant.parse("2025-02-14T10:00:00Z");
  static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};

  @TempDir Path root;
  final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  final MutableClock clock = new MutableClock(T0);
  final StringWriter out = new StringWriter();
  final Target target = Targets.paqetServer();
  Host host;
  RestartGuard guard;
  Path state;

  @BeforeEach
  void makeGuard() {
    host = TestHosts.scripted(root, runner, clock);
    guard =
        new RestartGuard(
            host, target, new EngineLog(null, new PrintWriter(out), clock), EngineEvents.NONE);
    state = root.resolve("var/tmp/paqet_restart_state_server.txt");
  }

  Result attempt(RestartSource source, Mode mode) {
    return guard.attempt(step(), source, mode);
  }

  /** A health check's restart, as most tests ask it. */
  Result attempt() {
    return attempt(RestartSource.HEALTH, Mode.NORMAL);
  }

  static RestartStep step() {
    Command c = Command.of(Duration.ofSeconds(120), RESTART);
    return new RestartStep(c.display(), c);
  }

  /** Five restarts in the last 1000 s, in the state file's words: the cap is reached. */
  static String fiveFreshRestarts() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      sb.append(T0.getEpochSecond() - i * 200).append(" health\n");
    }
    return sb.toString();
  }
}
